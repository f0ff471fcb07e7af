using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// The tree a Kubo <c>add</c> request describes: files at paths (<c>a.txt</c>, <c>dir/b.txt</c>), directories named
/// by their own parts or implied by a file's path, and, with <c>wrap-with-directory</c>, one directory over it all.
/// Directories are built bottom-up once every file has its CID, visiting entries in byte order of their names and
/// each directory after its entries, which is the order Kubo's adder reports them in (<c>outputDirs</c>).
/// </summary>
internal sealed class AddedTree
{
    private readonly Node _root = new(null);

    /// <summary>The top-level entries: what <c>add</c> pins when it does not wrap.</summary>
    public IEnumerable<(string Name, Cid Cid)> TopLevel => _root.Entries!.Select(e => (e.Key, e.Value.Cid));

    /// <summary>Records a file at <paramref name="path"/>.</summary>
    /// <exception cref="RpcRequestException">The path is invalid or already taken.</exception>
    public void AddFile(string path, Cid cid, ulong dagSize)
    {
        var (parent, name) = Parent(path);
        if (!parent.Entries!.TryAdd(name, new Node(cid, dagSize)))
        {
            throw new RpcRequestException($"cannot add \"{path}\": directory already has entry by that name");
        }
    }

    /// <summary>Records a directory at <paramref name="path"/> (it may be empty, and may already be implied).</summary>
    /// <exception cref="RpcRequestException">The path is invalid or a file already has it.</exception>
    public void AddDirectory(string path)
    {
        var (parent, name) = Parent(path);
        var entries = parent.Entries!;
        if (entries.TryGetValue(name, out var existing) ? existing.Entries is null : !entries.TryAdd(name, new Node(null)))
        {
            throw new RpcRequestException($"cannot add directory \"{path}\": a file already has that name");
        }
    }

    /// <summary>
    /// Builds every directory, entries first, and returns each with its path (the wrapping directory last, named "").
    /// After this, <see cref="TopLevel"/> carries the directories' CIDs.
    /// </summary>
    /// <exception cref="RpcRequestException">A directory is too large for a basic (non-HAMT) directory.</exception>
    public List<(string Path, UnixFsDirectoryResult Directory)> BuildDirectories(UnixFsProfile profile, bool wrap)
    {
        var built = new List<(string, UnixFsDirectoryResult)>();
        if (wrap)
        {
            Build(_root, "", profile, built);
            return built;
        }

        foreach (var (name, node) in Sorted(_root))
        {
            Build(node, name, profile, built);
        }

        return built;
    }

    private static void Build(Node node, string path, UnixFsProfile profile, List<(string, UnixFsDirectoryResult)> built)
    {
        if (node.Entries is null)
        {
            return;
        }

        var directory = new UnixFsDirectoryBuilder(profile);
        foreach (var (name, child) in Sorted(node))
        {
            Build(child, path.Length == 0 ? name : path + "/" + name, profile, built);
            directory.Add(name, child.Cid, child.DagSize);
        }

        UnixFsDirectoryResult result;
        try
        {
            result = directory.Build();
        }
        catch (NotSupportedException e)
        {
            throw new RpcRequestException($"cannot add directory \"{path}\": {e.Message}");
        }

        node.Cid = result.Root;
        node.DagSize = result.DagSize;
        built.Add((path, result));
    }

    // Kubo's MFS lists names sorted as Go sorts strings: by their UTF-8 bytes.
    private static IEnumerable<KeyValuePair<string, Node>> Sorted(Node node) =>
        node.Entries!.OrderBy(e => System.Text.Encoding.UTF8.GetBytes(e.Key), ByteOrder.Instance);

    /// <summary>
    /// Checks, before the file's bytes are stored, that <see cref="AddFile"/> will take <paramref name="path"/>, so that
    /// a part refused for its name leaves nothing behind.
    /// </summary>
    /// <exception cref="RpcRequestException">The path is invalid or already taken.</exception>
    public void EnsureCanAddFile(string path)
    {
        var segments = Segments(path);
        var node = _root;
        foreach (var segment in segments[..^1])
        {
            if (!node.Entries!.TryGetValue(segment, out var child))
            {
                return;
            }

            node = child.Entries is not null ? child : throw new RpcRequestException($"invalid path \"{path}\": \"{segment}\" is a file");
        }

        if (node.Entries!.ContainsKey(segments[^1]))
        {
            throw new RpcRequestException($"cannot add \"{path}\": directory already has entry by that name");
        }
    }

    private static string[] Segments(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".."))
        {
            throw new RpcRequestException($"invalid path \"{path}\": every segment must be a name");
        }

        if (path.Any(char.IsControl))
        {
            // Kubo would keep them; a name with control characters is refused here (docs/compatibility.md).
            throw new RpcRequestException("invalid path: a name must not contain control characters");
        }

        return segments;
    }

    private (Node Parent, string Name) Parent(string path)
    {
        var segments = Segments(path);
        var node = _root;
        foreach (var segment in segments[..^1])
        {
            if (!node.Entries!.TryGetValue(segment, out var child))
            {
                child = new Node(null);
                node.Entries.Add(segment, child);
            }

            node = child.Entries is not null ? child : throw new RpcRequestException($"invalid path \"{path}\": \"{segment}\" is a file");
        }

        return (node, segments[^1]);
    }

    private sealed class Node
    {
        public Node(Cid? file, ulong dagSize = 0)
        {
            if (file is { } cid)
            {
                Cid = cid;
                DagSize = dagSize;
            }
            else
            {
                Entries = new Dictionary<string, Node>(StringComparer.Ordinal);
            }
        }

        /// <summary>A directory's entries; null for a file.</summary>
        public Dictionary<string, Node>? Entries { get; }

        public Cid Cid { get; set; }

        public ulong DagSize { get; set; }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
