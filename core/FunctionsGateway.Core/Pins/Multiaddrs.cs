namespace FunctionsGateway.Core.Pins;

/// <summary>
/// The text form of multiaddrs (https://github.com/multiformats/multiaddr) as far as the Pinning Service API needs it:
/// provider hints "MUST end with <c>/p2p/{peerID}</c>" (spec/standards.md §1.2).
/// </summary>
public static class Multiaddrs
{
    /// <summary>True for <c>/…/p2p/{peer}</c> (or the older <c>/ipfs/{peer}</c>) with non-empty protocol/value pairs before it.</summary>
    public static bool IsPeerAddress(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length > 1024 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var parts = text[1..].Split('/');
        return parts.Length >= 2
            && parts[^2] is "p2p" or "ipfs"
            && parts[^1].Length > 0
            && parts.All(p => p.Length > 0);
    }
}
