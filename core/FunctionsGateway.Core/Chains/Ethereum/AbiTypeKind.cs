namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>The kinds of Solidity ABI types (https://docs.soliditylang.org/en/latest/abi-spec.html#types).</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>, 8 ≤ M ≤ 256, M % 8 == 0.</summary>
    UnsignedInteger,

    /// <summary><c>int&lt;M&gt;</c>, two's complement.</summary>
    SignedInteger,

    /// <summary><c>address</c>, encoded as uint160.</summary>
    Address,

    /// <summary><c>bool</c>, encoded as uint8 0 or 1.</summary>
    Bool,

    /// <summary><c>bytes&lt;M&gt;</c>, 0 &lt; M ≤ 32, right-padded.</summary>
    FixedBytes,

    /// <summary>Dynamic <c>bytes</c>.</summary>
    Bytes,

    /// <summary>Dynamic <c>string</c> (UTF-8).</summary>
    Text,

    /// <summary><c>T[k]</c> or <c>T[]</c>.</summary>
    Array,

    /// <summary><c>(T1,…,Tn)</c>.</summary>
    Tuple,
}
