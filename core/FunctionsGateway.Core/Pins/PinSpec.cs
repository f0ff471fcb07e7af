namespace FunctionsGateway.Core.Pins;

/// <summary>
/// What to pin (the Pinning Service API's <c>Pin</c> object, spec/standards.md §1.2): the CID as the client wrote it,
/// an optional name, provider hints (multiaddrs ending in <c>/p2p/{peer}</c>) and string metadata.
/// </summary>
public sealed record PinSpec(string Cid, string? Name, IReadOnlyList<string> Origins, IReadOnlyDictionary<string, string> Meta)
{
    /// <summary>Longest name (the spec's <c>maxLength</c>).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Most origins (the spec's <c>maxItems</c>).</summary>
    public const int MaxOrigins = 20;

    /// <summary>Most metadata entries (the spec's <c>maxProperties</c>).</summary>
    public const int MaxMetaEntries = 1000;
}
