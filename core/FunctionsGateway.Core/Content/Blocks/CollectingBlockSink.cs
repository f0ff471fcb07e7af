using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// Keeps copies of the blocks a builder finishes until the caller takes them (<see cref="Drain"/>), so that an
/// asynchronous writer can store them between two synchronous <c>Append</c> calls. Holds only what one append
/// produced: the caller drains after every append.
/// </summary>
internal sealed class CollectingBlockSink : IBlockSink
{
    private List<ContentBlock> _pending = [];

    public void Put(Cid cid, ReadOnlyMemory<byte> block) => _pending.Add(new ContentBlock(cid, block.ToArray()));

    /// <summary>The blocks finished since the last call, in the order they were finished.</summary>
    public IReadOnlyList<ContentBlock> Drain()
    {
        var drained = _pending;
        _pending = [];
        return drained;
    }
}
