using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Edits a basic UnixFS directory tree by path and gives the new root, as Kubo's MFS does for <c>files cp</c>/<c>rm</c> on a
/// root: every directory on the path is rebuilt (<see cref="UnixFsDirectoryBuilder"/>, the CID version of the directory it
/// replaces) with one link set, replaced or removed; directories missing on the path of a set are created. The new
/// blocks go to the sink, children before parents; nothing else is written. Directories are rebuilt with
/// <c>Type=Directory</c> alone (mode and mtime of an edited directory are not kept). The empty directory
/// (<c>QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn</c> and its CIDv1) needs no block, as in Kubo, so a tree can be started from it.
/// </summary>
internal sealed class UnixFsDirectoryEditor(IBlockGetter blocks)
{
    private static readonly string EmptyDirectoryV0 = new UnixFsDirectoryBuilder(UnixFsProfile.ForKubo(0)).Build().Root.ToString();
    private static readonly string EmptyDirectoryV1 = new UnixFsDirectoryBuilder(UnixFsProfile.ForKubo(1)).Build().Root.ToString();

    private readonly BlockLoader _loader = new(blocks, verify: true);

    /// <summary>True for the CIDv0 or CIDv1 of the empty UnixFS directory.</summary>
    public static bool IsEmptyDirectory(Cid cid) => cid.ToString() is var text && (text == EmptyDirectoryV0 || text == EmptyDirectoryV1);

    /// <summary>Links <paramref name="entry"/> (cumulative size <paramref name="entrySize"/>) at <paramref name="path"/> under <paramref name="root"/>.</summary>
    /// <exception cref="BlockNotFoundException">A directory on the path is not here.</exception>
    /// <exception cref="InvalidDataException">A node on the path is not a basic UnixFS directory.</exception>
    /// <exception cref="NotSupportedException">A directory on the path is a HAMT, or would grow into one.</exception>
    public Task<UnixFsDirectoryResult> SetAsync(Cid root, IReadOnlyList<string> path, Cid entry, ulong entrySize, IBlockSink sink, CancellationToken cancellationToken = default) =>
        EditAsync(root, root.Version, Validate(path), 0, new DagPbLink(entry, path[^1], entrySize), sink, cancellationToken);

    /// <summary>Removes the entry at <paramref name="path"/> under <paramref name="root"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has this path.</exception>
    /// <exception cref="BlockNotFoundException">A directory on the path is not here.</exception>
    /// <exception cref="InvalidDataException">A node on the path is not a basic UnixFS directory.</exception>
    /// <exception cref="NotSupportedException">A directory on the path is a HAMT.</exception>
    public Task<UnixFsDirectoryResult> RemoveAsync(Cid root, IReadOnlyList<string> path, IBlockSink sink, CancellationToken cancellationToken = default) =>
        EditAsync(root, root.Version, Validate(path), 0, link: null, sink, cancellationToken);

    /// <summary>The cumulative DAG size of a node as a link's Tsize records it: block length plus the links' Tsizes.</summary>
    public static ulong DagSizeOf(Cid cid, ReadOnlyMemory<byte> block)
    {
        if (cid.Codec != Multicodec.DagPb)
        {
            return (ulong)block.Length;
        }

        var node = DagPbCodec.Decode(block);
        return (ulong)block.Length + node.Links.Aggregate(0UL, (sum, l) => sum + (l.Tsize ?? 0));
    }

    // Rebuilds the directory `directory` (null: create an empty one, CID version `version`) with the edit at path[depth..].
    private async Task<UnixFsDirectoryResult> EditAsync(Cid? directory, int version, IReadOnlyList<string> path, int depth, DagPbLink? link, IBlockSink sink, CancellationToken cancellationToken)
    {
        var entries = new List<DagPbLink>();
        if (directory is { } existing && !IsEmptyDirectory(existing))
        {
            var block = await _loader.LoadAsync(existing, cancellationToken);
            switch (UnixFsNodeKinds.Of(existing, block))
            {
                case UnixFsNodeKind.Directory:
                    break;
                case UnixFsNodeKind.HamtDirectory:
                    throw new NotSupportedException($"{existing} is a HAMT-sharded directory, which this gateway cannot edit");
                default:
                    throw new InvalidDataException($"{existing} is not a directory, so \"{string.Join('/', path.Take(depth + 1))}\" cannot be resolved under it");
            }

            entries.AddRange(DagPbCodec.Decode(block).Links);
        }

        var name = path[depth];
        var index = entries.FindIndex(e => e.Name == name);
        DagPbLink? replacement;
        if (depth == path.Count - 1)
        {
            if (link is null && index < 0)
            {
                throw new KeyNotFoundException($"no link named \"{name}\" under {directory}");
            }

            replacement = link;
        }
        else
        {
            if (index < 0 && link is null)
            {
                throw new KeyNotFoundException($"no link named \"{name}\" under {directory}");
            }

            var child = await EditAsync(index < 0 ? null : entries[index].Hash, version, path, depth + 1, link, sink, cancellationToken);
            replacement = new DagPbLink(child.Root, name, child.DagSize);
        }

        if (index >= 0)
        {
            entries.RemoveAt(index);
        }

        if (replacement is { } added)
        {
            entries.Add(added);
        }

        var builder = new UnixFsDirectoryBuilder(UnixFsProfile.ForKubo(version));
        foreach (var entry in entries)
        {
            builder.Add(entry.Name ?? "", entry.Hash, entry.Tsize ?? 0);
        }

        return builder.Build(sink);
    }

    private static IReadOnlyList<string> Validate(IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            throw new ArgumentException("The path names no entry.", nameof(path));
        }

        return path;
    }
}
