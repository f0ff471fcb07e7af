using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// An EIP-1559 (type 2) transaction (https://eips.ethereum.org/EIPS/eip-1559), wrapped as an EIP-2718 typed
/// envelope: <c>0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
/// accessList, yParity, r, s])</c>; the signing payload is the same without the last three fields.
/// </summary>
public sealed record Eip1559Transaction : EthereumTransaction
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte TypeByte = 0x02;

    /// <summary>The chain id.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Tip per gas for the block producer, in wei.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>The most the sender pays per gas (base fee + tip), in wei.</summary>
    public BigInteger MaxFeePerGas { get; init; }

    /// <summary>The EIP-2930 access list.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <inheritdoc />
    public override byte Type => TypeByte;

    /// <inheritdoc />
    public override ulong? SigningChainId => ChainId;

    /// <inheritdoc />
    public override byte[] EncodeForSigning() => Envelope(RlpItem.FromList(Fields()));

    /// <inheritdoc />
    public override byte[] EncodeSigned(in EcdsaSignature signature) =>
        Envelope(RlpItem.FromList([.. Fields(), Integer(signature.RecoveryId), SignatureScalar(signature.R), SignatureScalar(signature.S)]));

    /// <inheritdoc />
    public override BigInteger GetV(int recoveryId) => recoveryId;

    /// <summary>Field-by-field equality, comparing the access list by content.</summary>
    public bool Equals(Eip1559Transaction? other) =>
        base.Equals(other) && ChainId == other.ChainId && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && MaxFeePerGas == other.MaxFeePerGas
        && Rlp.Encode(RlpItem.FromList(AccessList.Select(e => e.ToRlp()))).AsSpan().SequenceEqual(Rlp.Encode(RlpItem.FromList(other.AccessList.Select(e => e.ToRlp()))));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ChainId, MaxFeePerGas);

    private static byte[] Envelope(RlpItem payload)
    {
        var rlp = Rlp.Encode(payload);
        var envelope = new byte[1 + rlp.Length];
        envelope[0] = TypeByte;
        rlp.CopyTo(envelope, 1);
        return envelope;
    }

    private RlpItem[] Fields() =>
    [
        Integer(ChainId), Integer(Nonce), Integer(MaxPriorityFeePerGas), Integer(MaxFeePerGas), Integer(GasLimit),
        RlpItem.FromAddress(To), Integer(Value), RlpItem.FromBytes(Data.Span), RlpItem.FromList(AccessList.Select(e => e.ToRlp())),
    ];
}
