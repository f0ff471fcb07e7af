using System.Text;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// A contract function: its canonical signature, 4-byte selector (the first four bytes of Keccak-256 of the
/// signature, https://docs.soliditylang.org/en/latest/abi-spec.html#function-selector), and its argument and
/// return types. Parsed from a human-readable declaration such as
/// <c>storeGetPkgInfos() view returns ((uint64 time, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[])</c>.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    private AbiFunction(string name, IReadOnlyList<AbiType> inputs, IReadOnlyList<AbiType> outputs)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Signature = name + "(" + string.Join(",", inputs.Select(t => t.CanonicalName)) + ")";
        _selector = ComputeSelector(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The argument types.</summary>
    public IReadOnlyList<AbiType> Inputs { get; }

    /// <summary>The return types (empty when none were declared).</summary>
    public IReadOnlyList<AbiType> Outputs { get; }

    /// <summary>The canonical signature, e.g. <c>balanceOf(address)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector, e.g. <c>70a08231</c> for <c>balanceOf(address)</c>.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>
    /// Parses <c>[function] name(type [name], …) [modifiers…] [returns (type [name], …)]</c>;
    /// <see cref="FormatException"/> when malformed.
    /// </summary>
    public static AbiFunction Parse(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var reader = new AbiSignatureReader(declaration.Trim());
        var name = reader.ReadWord();
        if (name == "function")
        {
            name = reader.ReadWord();
        }

        var (inputs, _) = reader.ReadParameterList();
        IReadOnlyList<AbiType> outputs = [];
        reader.SkipSpaces();
        while (!reader.AtEnd)
        {
            var word = reader.ReadWord();
            if (word == "returns")
            {
                (var types, _) = reader.ReadParameterList();
                outputs = types;
                reader.SkipSpaces();
                reader.ExpectEnd();
                break;
            }

            if (word is not ("view" or "pure" or "payable" or "nonpayable" or "external" or "public"))
            {
                throw new FormatException($"Unexpected '{word}' in '{declaration}'.");
            }

            reader.SkipSpaces();
        }

        return new AbiFunction(name, inputs, outputs);
    }

    /// <summary>The first four bytes of Keccak-256 of a canonical signature.</summary>
    public static byte[] ComputeSelector(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Keccak256.Hash(Encoding.ASCII.GetBytes(signature))[..4];
    }

    /// <summary>Call data: the selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params IReadOnlyList<object?> arguments)
    {
        var encoded = AbiEncoder.Encode(Inputs, arguments);
        var call = new byte[4 + encoded.Length];
        _selector.CopyTo(call, 0);
        encoded.CopyTo(call, 4);
        return call;
    }

    /// <summary>Decodes call data back into arguments after checking the selector.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new FormatException($"The call data does not start with the selector of {Signature}.");
        }

        return AbiDecoder.Decode(Inputs, callData[4..]);
    }

    /// <summary>Decodes what the function returned (the <c>eth_call</c> result).</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);

    /// <inheritdoc />
    public override string ToString() => Signature;
}
