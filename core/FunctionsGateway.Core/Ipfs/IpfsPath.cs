using System.Diagnostics.CodeAnalysis;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Ipfs;

/// <summary>
/// An immutable content path: a root CID and the entry names below it, as the path gateway takes it
/// (<c>/ipfs/{cid}/a/b</c>) and Kubo's RPC takes it in <c>arg</c> (<c>/ipfs/{cid}/a/b</c> or <c>{cid}/a/b</c>).
/// Empty segments (a doubled or trailing slash) are dropped; <see cref="TrailingSlash"/> remembers the latter.
/// </summary>
internal sealed record IpfsPath(Cid Root, IReadOnlyList<string> Segments, bool TrailingSlash)
{
    /// <summary>Reads a root CID's text and the rest of the path after it (may be null or empty).</summary>
    public static bool TryCreate(string? cid, string? rest, [NotNullWhen(true)] out IpfsPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (!Cid.TryParse(cid, out var root, out var cidError))
        {
            error = $"invalid CID \"{cid}\": {cidError}";
            return false;
        }

        var segments = (rest ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        path = new IpfsPath(root, segments, !string.IsNullOrEmpty(rest) && rest.EndsWith('/'));
        error = null;
        return true;
    }

    /// <summary>Reads Kubo's <c>arg</c>: <c>/ipfs/{cid}[/path]</c> or <c>{cid}[/path]</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IpfsPath? path, [NotNullWhen(false)] out string? error)
    {
        var value = (text ?? "").Trim();
        if (value.StartsWith("/ipfs/", StringComparison.Ordinal))
        {
            value = value["/ipfs/".Length..];
        }
        else if (value.StartsWith('/'))
        {
            path = null;
            error = $"invalid path \"{text}\": only /ipfs/ paths are supported";
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var ok = slash < 0 ? TryCreate(value, null, out path, out error) : TryCreate(value[..slash], value[slash..], out path, out error);
        if (!ok)
        {
            error = $"invalid path \"{text}\": {error}";
        }

        return ok;
    }

    /// <summary>The path as text, <c>/ipfs/{cid}/a/b</c>.</summary>
    public override string ToString() =>
        "/ipfs/" + Root + string.Concat(Segments.Select(s => "/" + s)) + (TrailingSlash && Segments.Count > 0 ? "/" : "");
}
