using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// Loads blocks for the DAG walker and the file reader: identity CIDs resolve to their digest without a lookup,
/// a missing block raises <see cref="BlockNotFoundException"/>, and a block that does not match its CID raises
/// <see cref="InvalidDataException"/> when verification is on.
/// </summary>
internal sealed class BlockLoader(IBlockGetter blocks, bool verify)
{
    private readonly IBlockGetter _blocks = blocks ?? throw new ArgumentNullException(nameof(blocks));

    /// <summary>The block <paramref name="cid"/> names.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> LoadAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (cid.IsIdentity)
        {
            return cid.Digest.ToArray();
        }

        var block = await _blocks.GetBlockAsync(cid, cancellationToken) ?? throw new BlockNotFoundException(cid);
        if (verify)
        {
            BlockVerifier.Verify(cid, block.Span);
        }

        return block;
    }
}
