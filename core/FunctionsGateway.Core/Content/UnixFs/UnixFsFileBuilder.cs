using System.Buffers;
using System.Security.Cryptography;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Computes a file's UnixFS CID in one streaming pass, byte-identical to Kubo's balanced layout with a fixed-size
/// chunker (spec/standards.md §4; boxo <c>ipld/unixfs/importer/balanced/builder.go</c>). Feed the bytes with
/// <see cref="Append"/> in any slicing, then call <see cref="Complete"/>. Every block, leaves and parents and the
/// root, goes to the optional <see cref="IBlockSink"/> as soon as it is finished.
/// </summary>
/// <remarks>
/// <para>
/// Memory is bounded by the DAG frontier: one chunk buffer, and per tree level the pending links of the
/// rightmost, unfinished node (at most <see cref="UnixFsProfile.MaxLinks"/> each). Nothing else of the file is kept.
/// </para>
/// <para>
/// <b>Why bottom-up gives boxo's tree.</b> boxo builds top-down: the root starts as the first leaf; for depth
/// d = 1, 2, … while data remains, a new root gets the old root as first child and <c>fillNodeRec</c> appends
/// children of depth d − 1 until it has <c>maxLinks</c> or the data ends, each child itself filled the same way.
/// By induction on d, a node of depth d that is not on the rightmost path is full: it spans exactly
/// <c>maxLinks^d</c> consecutive leaves, and the rightmost-path nodes take what remains, left-packed. So with
/// n leaves the shape depends on n only: level 1 groups consecutive leaves in runs of <c>maxLinks</c>, level 2
/// groups level-1 nodes the same way, and so on, each level's last group taking the remainder (a rightmost-path
/// node may have a single child: <c>fillNodeRec</c> creates it before checking for data). The root is the first
/// level that has one node, i.e. depth D = 0 for n = 1 and otherwise the least D with maxLinks^D ≥ n.
/// This builder emits the same groups bottom-up: level k holds the links of the unfinished level-(k+1) node;
/// when it reaches <c>maxLinks</c> links, that node is final (no later byte can change it), so it is encoded,
/// emitted, and linked one level up. At <see cref="Complete"/>, each non-empty level below the highest is
/// closed into a node even with a single link (the rightmost path), and the highest level, once it holds a single
/// link, is the root. An empty input gives one empty leaf, as boxo's <c>Layout</c> does.
/// </para>
/// <para>
/// Leaves: raw blocks (CIDv1, codec raw) or <c>PBNode{Data=UnixFS{Type=File, Data=chunk, filesize}}</c>.
/// Parents: <c>PBNode{Links=[{Hash, Name="", Tsize}], Data=UnixFS{Type=File, filesize, blocksizes}}</c>, Links
/// first, Name always written. A link's Tsize is the child's block length plus its own links' Tsizes.
/// </para>
/// </remarks>
internal sealed class UnixFsFileBuilder : IDisposable
{
    // Room before the chunk for the dag-pb leaf header (0a len 08 02 12 len: 1+5+2+1+5 bytes) and after it for
    // the trailing filesize (18 len: 1+5), so a leaf block is encoded around the chunk in place, without a copy.
    private const int LeafHeaderRoom = 16;
    private const int LeafTrailerRoom = 8;

    private readonly UnixFsProfile _profile;
    private readonly IBlockSink? _sink;
    private readonly List<Level> _levels = [];
    private byte[]? _buffer;
    private byte[] _nodeBuffer = [];
    private IncrementalHash? _leafHash;
    private int _buffered;
    private ulong _fileSize;
    private long _blockCount;
    private bool _anyLeaf;
    private UnixFsFileResult? _result;
    private bool _disposed;

    /// <summary>A builder for one file.</summary>
    /// <param name="profile">The CID settings (validated here).</param>
    /// <param name="sink">Receives every finished block, or null to compute the CID only.</param>
    public UnixFsFileBuilder(UnixFsProfile profile, IBlockSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
        _sink = sink;
    }

    /// <summary>The bytes appended so far.</summary>
    public ulong BytesAppended => _fileSize;

    /// <summary>The number of tree levels holding pending links (the frontier's height).</summary>
    internal int LevelCount => _levels.Count;

    /// <summary>The links held for unfinished nodes, over all levels (≤ <see cref="LevelCount"/> × MaxLinks).</summary>
    internal int PendingLinkCount
    {
        get
        {
            var count = 0;
            foreach (var level in _levels)
            {
                count += level.Count;
            }

            return count;
        }
    }

    /// <summary>Adds the next bytes of the file. The CID does not depend on how the file is sliced into calls.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The file is complete; start a new builder.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        if (data.IsEmpty)
        {
            return;
        }

        var chunkSize = _profile.ChunkSize;
        _fileSize += (ulong)data.Length;

        // Without a sink nobody needs the block as memory, so whole chunks are hashed where they lie: the one copy
        // into the chunk buffer is only for chunks split across calls.
        if (_buffered == 0 && _sink is null)
        {
            while (data.Length >= chunkSize)
            {
                EmitLeafInPlace(data[..chunkSize]);
                data = data[chunkSize..];
            }

            if (data.IsEmpty)
            {
                return;
            }
        }

        var buffer = _buffer ??= ArrayPool<byte>.Shared.Rent(LeafHeaderRoom + chunkSize + LeafTrailerRoom);
        while (!data.IsEmpty)
        {
            var take = Math.Min(chunkSize - _buffered, data.Length);
            data[..take].CopyTo(buffer.AsSpan(LeafHeaderRoom + _buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered == chunkSize)
            {
                EmitLeaf();
            }
        }
    }

    /// <summary>Finishes the file: emits the last leaf and the open parents, and returns the root.</summary>
    public UnixFsFileResult Complete()
    {
        if (_result is not null)
        {
            return _result;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        if (_buffered > 0 || !_anyLeaf)
        {
            _buffer ??= ArrayPool<byte>.Shared.Rent(LeafHeaderRoom + LeafTrailerRoom);
            EmitLeaf();
        }

        DagPbLink root = default;
        for (var k = 0; k < _levels.Count; k++)
        {
            var level = _levels[k];
            if (level.Count == 0)
            {
                continue;
            }

            if (level.Count == 1 && IsHighest(k))
            {
                root = level.Links[0];
                break;
            }

            CloseLevel(k);
        }

        Dispose();
        _levels.Clear();
        _result = new UnixFsFileResult(root.Hash, _fileSize, root.Tsize ?? 0, _blockCount);
        return _result;
    }

    private bool IsHighest(int k)
    {
        for (var j = k + 1; j < _levels.Count; j++)
        {
            if (_levels[j].Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the chunk buffer to the pool; <see cref="Complete"/> does this too.</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _leafHash?.Dispose();
        _leafHash = null;
    }

    // Emits the buffered chunk as a leaf, encoding the dag-pb envelope around it in the buffer.
    private void EmitLeaf()
    {
        var buffer = _buffer!;
        var n = _buffered;
        int start, end;
        if (_profile.RawLeaves)
        {
            start = LeafHeaderRoom;
            end = LeafHeaderRoom + n;
        }
        else if (n == 0)
        {
            // The empty file: UnixFS{Type=File, filesize=0} with no Data field, block 0a 04 08 02 18 00.
            start = LeafHeaderRoom - 6;
            end = LeafHeaderRoom;
            ReadOnlySpan<byte> empty = [0x0a, 0x04, 0x08, 0x02, 0x18, 0x00];
            empty.CopyTo(buffer.AsSpan(start));
        }
        else
        {
            var headerLength = LeafHeaderLength(n);
            start = LeafHeaderRoom - headerLength;
            WriteLeafHeader(buffer.AsSpan(start, headerLength), n);
            end = LeafHeaderRoom + n + WriteLeafTrailer(buffer.AsSpan(LeafHeaderRoom + n, LeafTrailerRoom), n);
        }

        var block = new ReadOnlyMemory<byte>(buffer, start, end - start);
        Span<byte> digest = stackalloc byte[Multicodec.Sha2_256Length];
        SHA256.HashData(block.Span, digest);
        _buffered = 0;
        AddLeaf(digest, block, n);
    }

    // Emits a whole chunk that lies in the caller's span (no sink): the envelope is hashed around it, not copied.
    private void EmitLeafInPlace(ReadOnlySpan<byte> chunk)
    {
        var n = chunk.Length;
        Span<byte> digest = stackalloc byte[Multicodec.Sha2_256Length];
        var blockLength = n;
        if (_profile.RawLeaves)
        {
            SHA256.HashData(chunk, digest);
        }
        else
        {
            Span<byte> header = stackalloc byte[LeafHeaderRoom];
            Span<byte> trailer = stackalloc byte[LeafTrailerRoom];
            var headerLength = LeafHeaderLength(n);
            WriteLeafHeader(header, n);
            var trailerLength = WriteLeafTrailer(trailer, n);
            var hash = _leafHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(header[..headerLength]);
            hash.AppendData(chunk);
            hash.AppendData(trailer[..trailerLength]);
            hash.GetHashAndReset(digest);
            blockLength += headerLength + trailerLength;
        }

        AddLeaf(digest, default, n, blockLength);
    }

    private void AddLeaf(ReadOnlySpan<byte> digest, ReadOnlyMemory<byte> block, int fileBytes, int blockLength = -1)
    {
        var cid = Emit(_profile.LeafCidVersion, _profile.LeafCodec, digest, block);
        _anyLeaf = true;
        AddLink(0, new DagPbLink(cid, string.Empty, (ulong)(blockLength < 0 ? block.Length : blockLength)), (ulong)fileBytes);
    }

    // PBNode{Data(1) = UnixFS{Type(1)=File, Data(2)=chunk, filesize(3)=n}}: the bytes before the chunk …
    private static int LeafHeaderLength(int n)
    {
        var nLength = ProtobufWriter.VarintLength((ulong)n);
        return 1 + ProtobufWriter.VarintLength((ulong)LeafUnixFsLength(n)) + 2 + 1 + nLength;
    }

    private static void WriteLeafHeader(Span<byte> destination, int n)
    {
        var header = new ProtobufWriter(destination);
        header.WriteLengthPrefix(1, LeafUnixFsLength(n));
        header.WriteVarintField(1, (ulong)UnixFsDataType.File);
        header.WriteLengthPrefix(2, n);
    }

    // … and after it.
    private static int WriteLeafTrailer(Span<byte> destination, int n)
    {
        var trailer = new ProtobufWriter(destination);
        trailer.WriteVarintField(3, (ulong)n);
        return trailer.Position;
    }

    private static int LeafUnixFsLength(int n) => 2 + ProtobufWriter.LengthDelimitedFieldLength(n) + ProtobufWriter.VarintFieldLength((ulong)n);

    private Cid Emit(int version, ulong codec, ReadOnlySpan<byte> digest, ReadOnlyMemory<byte> block)
    {
        var cid = Cid.FromSha256(version, codec, digest);
        _blockCount++;
        _sink?.Put(cid, block);
        return cid;
    }

    private void AddLink(int k, DagPbLink link, ulong fileBytes)
    {
        if (k == _levels.Count)
        {
            _levels.Add(new Level(_profile.MaxLinks));
        }

        var level = _levels[k];
        level.Links[level.Count] = link;
        level.BlockSizes[level.Count] = fileBytes;
        level.Count++;
        if (level.Count == _profile.MaxLinks)
        {
            CloseLevel(k);
        }
    }

    // Encodes the unfinished node whose links level k holds, emits it, and links it from level k + 1.
    private void CloseLevel(int k)
    {
        var level = _levels[k];
        var links = level.Links.AsSpan(0, level.Count);
        ulong fileBytes = 0, tsize = 0;
        for (var i = 0; i < level.Count; i++)
        {
            fileBytes += level.BlockSizes[i];
            tsize += links[i].Tsize!.Value;
        }

        var data = new UnixFsData
        {
            Type = UnixFsDataType.File,
            FileSize = fileBytes,
            BlockSizes = new ArraySegment<ulong>(level.BlockSizes, 0, level.Count),
        };
        var dataLength = UnixFsDataCodec.GetEncodedLength(data);
        var nodeLength = DagPbCodec.GetEncodedLength(links, default, hasData: false) + ProtobufWriter.LengthDelimitedFieldLength(dataLength);
        if (_nodeBuffer.Length < nodeLength + dataLength)
        {
            _nodeBuffer = new byte[nodeLength + dataLength];
        }

        // The UnixFS message goes after the node's room, then into the node as its Data field.
        var dataSpan = _nodeBuffer.AsSpan(nodeLength, dataLength);
        UnixFsDataCodec.Encode(data, dataSpan);
        var written = DagPbCodec.Encode(links, dataSpan, hasData: true, _nodeBuffer);
        var block = new ReadOnlyMemory<byte>(_nodeBuffer, 0, written);
        Span<byte> digest = stackalloc byte[Multicodec.Sha2_256Length];
        SHA256.HashData(block.Span, digest);
        var cid = Emit(_profile.CidVersion, Multicodec.DagPb, digest, block);
        links.Clear();
        level.Count = 0;
        AddLink(k + 1, new DagPbLink(cid, string.Empty, (ulong)written + tsize), fileBytes);
    }

    // The pending links of one unfinished node.
    private sealed class Level(int capacity)
    {
        public DagPbLink[] Links { get; } = new DagPbLink[capacity];

        public ulong[] BlockSizes { get; } = new ulong[capacity];

        public int Count { get; set; }
    }
}
