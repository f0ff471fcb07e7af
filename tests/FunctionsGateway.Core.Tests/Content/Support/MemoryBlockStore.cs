using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Tests.Content.Support;

/// <summary>A block sink and getter over a dictionary, recording the order and number of puts.</summary>
internal sealed class MemoryBlockStore : IBlockSink, IBlockGetter
{
    private readonly Dictionary<Cid, byte[]> _blocks = [];

    /// <summary>Every put, in order.</summary>
    public List<Cid> Puts { get; } = [];

    /// <summary>The stored blocks.</summary>
    public IReadOnlyDictionary<Cid, byte[]> Blocks => _blocks;

    /// <summary>How many lookups the getter answered.</summary>
    public int Gets { get; private set; }

    public void Put(Cid cid, ReadOnlyMemory<byte> block)
    {
        Puts.Add(cid);
        _blocks[cid] = block.ToArray();
    }

    public ValueTask<ReadOnlyMemory<byte>?> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        Gets++;
        return ValueTask.FromResult(_blocks.TryGetValue(cid, out var block) ? (ReadOnlyMemory<byte>?)block : null);
    }

    /// <summary>Replaces a stored block (to simulate corruption) or removes it (null).</summary>
    public void Overwrite(Cid cid, byte[]? block)
    {
        if (block is null)
        {
            _blocks.Remove(cid);
        }
        else
        {
            _blocks[cid] = block;
        }
    }
}
