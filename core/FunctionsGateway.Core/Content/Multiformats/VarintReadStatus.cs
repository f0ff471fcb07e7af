namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>The outcome of reading an unsigned varint (multiformats/unsigned-varint).</summary>
internal enum VarintReadStatus
{
    /// <summary>A minimal varint of at most nine bytes was read.</summary>
    Ok,

    /// <summary>The input ended before a byte without the continuation bit.</summary>
    Truncated,

    /// <summary>The varint was not minimally encoded (a trailing zero group, e.g. <c>80 00</c>).</summary>
    Overlong,

    /// <summary>The varint needs more than nine bytes (63 bits), the multiformats maximum.</summary>
    Overflow,
}
