using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>Looks blocks up by CID (a blockstore's read side); the DAG walker and the file reader read through it.</summary>
internal interface IBlockGetter
{
    /// <summary>The block stored under <paramref name="cid"/>, or null when there is none.</summary>
    ValueTask<ReadOnlyMemory<byte>?> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default);
}
