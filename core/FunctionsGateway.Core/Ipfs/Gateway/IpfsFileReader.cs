using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>
/// Reads the bytes of a resolved file, whole or one range: through its UnixFS DAG when its blocks are in the
/// blockstore (only the blocks overlapping the range are read), or from its file record (the stage while the push
/// is pending, the backend afterwards) when they are not.
/// </summary>
internal sealed class IpfsFileReader(BlobBlockStore blocks, FileContentReader files, FileIndex index)
{
    /// <summary>Up to <paramref name="count"/> leading bytes (for sniffing the type).</summary>
    public async Task<ReadOnlyMemory<byte>> ReadHeadAsync(IpfsContent content, int count, CancellationToken cancellationToken = default)
    {
        using var head = new MemoryStream();
        await CopyToAsync(content, head, 0, (ulong)count, cancellationToken);
        return head.GetBuffer().AsMemory(0, (int)head.Length);
    }

    /// <summary>Copies [<paramref name="offset"/>, + <paramref name="length"/>) of the file, clamped to its end (null: to the end).</summary>
    /// <exception cref="BlockNotFoundException">A block, or the file's bytes, went missing while reading.</exception>
    public async Task CopyToAsync(IpfsContent content, Stream destination, ulong offset, ulong? length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(destination);
        if (offset >= content.Size || length == 0)
        {
            return;
        }

        if (content.Kind == IpfsContentKind.File)
        {
            var reader = new UnixFsFileReader(new KnownBlockGetter(blocks, content.Terminal, content.Block));
            await reader.CopyToAsync(content.Terminal, destination, offset, length, cancellationToken);
            return;
        }

        var record = content.File ?? throw new InvalidOperationException($"{content.Terminal} is not a file.");
        var take = Math.Min(length ?? ulong.MaxValue, content.Size - offset);
        var range = new BlobRange((long)offset, (long)take);
        var download = await files.OpenAsync(record, range, cancellationToken);
        if (download is null && await index.GetAsync(record.OwnerId, record.Id, cancellationToken) is { } current)
        {
            // The push may have moved the bytes between the lookup and the read.
            download = await files.OpenAsync(current, range, cancellationToken);
        }

        await using var bytes = download ?? throw new BlockNotFoundException($"The bytes of {content.Terminal} are no longer available.");
        await bytes.Content.CopyToAsync(destination, cancellationToken);
    }
}
