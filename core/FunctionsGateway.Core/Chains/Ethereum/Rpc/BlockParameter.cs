using System.Numerics;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>The default block parameter of the JSON-RPC API: a tag (<c>latest</c>, <c>pending</c>, …) or a block number.</summary>
public readonly record struct BlockParameter
{
    private readonly string? _value;

    private BlockParameter(string value) => _value = value;

    /// <summary>The most recent block (the default).</summary>
    public static BlockParameter Latest => new("latest");

    /// <summary>The pending state (e.g. the next nonce including pending transactions).</summary>
    public static BlockParameter Pending => new("pending");

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest => new("earliest");

    /// <summary>The latest safe head.</summary>
    public static BlockParameter Safe => new("safe");

    /// <summary>The latest finalized block.</summary>
    public static BlockParameter Finalized => new("finalized");

    /// <summary>A block by number.</summary>
    public static BlockParameter Number(ulong number) => new(EthereumHex.EncodeQuantity(new BigInteger(number)));

    /// <summary>The JSON-RPC text: the tag or the hex number.</summary>
    public override string ToString() => _value ?? "latest";
}
