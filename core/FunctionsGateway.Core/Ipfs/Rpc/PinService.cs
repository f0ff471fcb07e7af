using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Kubo's <c>pin add</c>, <c>pin rm</c> and <c>pin ls</c> (https://docs.ipfs.tech/reference/kubo/rpc/#api-v0-pin-add)
/// over the caller's own pins. A pin needs content this gateway holds or is about to hold: a root in the blockstore
/// or a public upload whose push is pending; anything else is not found, since this gateway does not fetch from
/// other nodes (that comes with the IPFS backend and the Pinning Service API). Every pin is recursive.
/// </summary>
internal sealed class PinService(PinStore pins, IpfsContentResolver resolver)
{
    private static readonly string[] Types = ["direct", "indirect", "recursive", "all"];

    /// <summary>Pins what each path resolves to; returns the pinned CIDs.</summary>
    /// <exception cref="RpcRequestException">A path is invalid (400), or its content is not here (404).</exception>
    public async Task<IReadOnlyList<Cid>> AddAsync(string ownerId, IReadOnlyList<string> paths, string? name, CancellationToken cancellationToken = default)
    {
        var pinned = new List<Cid>();
        foreach (var path in Required(paths))
        {
            var content = await resolver.ResolveAsync(Parse(path), readerId: null, cancellationToken);
            var cid = content.Found ? content.Terminal : throw Refusal(content);
            await pins.AddAsync(ownerId, cid, name, cancellationToken);
            pinned.Add(cid);
        }

        return pinned;
    }

    /// <summary>Removes the caller's pin of what each path names; returns the unpinned CIDs.</summary>
    /// <exception cref="RpcRequestException">A path is invalid, or not pinned: Kubo's <c>not pinned or pinned indirectly</c>.</exception>
    public async Task<IReadOnlyList<Cid>> RemoveAsync(string ownerId, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var removed = new List<Cid>();
        foreach (var path in Required(paths))
        {
            var cid = await TargetAsync(Parse(path), cancellationToken);
            if (!await pins.RemoveAsync(ownerId, cid, cancellationToken))
            {
                throw new RpcRequestException("not pinned or pinned indirectly");
            }

            removed.Add(cid);
        }

        return removed;
    }

    /// <summary>The caller's pins of <paramref name="type"/> (all when none is named), or those of <paramref name="paths"/>.</summary>
    /// <exception cref="RpcRequestException">The type is unknown, a path is invalid, or a named path is not pinned.</exception>
    public async IAsyncEnumerable<PinRecord> ListAsync(
        string ownerId, IReadOnlyList<string> paths, string? type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        type = string.IsNullOrEmpty(type) ? "all" : type;
        if (!Types.Contains(type, StringComparer.Ordinal))
        {
            throw new RpcRequestException($"invalid type '{type}', must be one of {{direct, indirect, recursive, all}}");
        }

        // Every pin here is recursive; none is direct, and indirect pins (blocks under a pin) are not enumerated.
        var recursive = type is "recursive" or "all";
        if (paths.Count == 0)
        {
            if (recursive)
            {
                await foreach (var pin in pins.ListAsync(ownerId, cancellationToken))
                {
                    yield return pin;
                }
            }

            yield break;
        }

        foreach (var path in paths)
        {
            var cid = await TargetAsync(Parse(path), cancellationToken);
            var pin = recursive ? await pins.GetAsync(ownerId, cid, cancellationToken) : null;
            yield return pin ?? throw new RpcRequestException($"path '{path}' is not pinned");
        }
    }

    private async Task<Cid> TargetAsync(IpfsPath path, CancellationToken cancellationToken)
    {
        if (path.Segments.Count == 0)
        {
            return path.Root;
        }

        var content = await resolver.ResolveAsync(path, readerId: null, cancellationToken);
        return content.Found ? content.Terminal : throw Refusal(content);
    }

    private static RpcRequestException Refusal(IpfsContent content) => content.Kind == IpfsContentKind.Unsupported
        ? new RpcRequestException(content.Message!)
        : RpcRequestException.NotFound(content.MissingBlock.IsEmpty
            ? content.Message!
            : $"pin: block was not found locally (offline): ipld: could not find {content.MissingBlock}");

    private static IpfsPath Parse(string path) =>
        IpfsPath.TryParse(path, out var parsed, out var error) ? parsed : throw new RpcRequestException(error);

    private static IReadOnlyList<string> Required(IReadOnlyList<string> paths) =>
        paths.Count > 0 ? paths : throw new RpcRequestException("argument \"ipfs-path\" is required");
}
