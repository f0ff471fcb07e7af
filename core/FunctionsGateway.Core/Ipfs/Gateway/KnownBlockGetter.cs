using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>A block getter that answers one block already read (the resolved terminal) without reading it again.</summary>
internal sealed class KnownBlockGetter(IBlockGetter inner, Cid known, ReadOnlyMemory<byte> block) : IBlockGetter
{
    public ValueTask<ReadOnlyMemory<byte>?> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default) =>
        cid == known && !known.IsEmpty ? ValueTask.FromResult<ReadOnlyMemory<byte>?>(block) : inner.GetBlockAsync(cid, cancellationToken);
}
