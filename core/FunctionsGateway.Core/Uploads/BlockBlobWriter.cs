using System.Buffers;
using System.Globalization;
using System.Text;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// Streams a source into a block blob: reads full blocks, hands each to an observer (the hashers), stages
/// it with Put Block while the next block is read, then commits the list. Memory is two blocks whatever
/// the size. Nothing is visible until the final Put Block List, so a failed or oversized upload leaves only
/// uncommitted blocks, which the service discards (https://learn.microsoft.com/rest/api/storageservices/put-block).
/// </summary>
public sealed class BlockBlobWriter(IBlobStorage blobs)
{
    /// <summary>Writes <paramref name="source"/> to the blob and returns the committed length.</summary>
    /// <param name="observe">Called with each block's bytes, in order, before it is staged.</param>
    /// <param name="maxBytes">Throws <see cref="UploadTooLargeException"/> once the source passes this many bytes.</param>
    public async Task<long> WriteAsync(
        string container,
        string blob,
        Stream source,
        int blockSize,
        long maxBytes,
        Action<ReadOnlyMemory<byte>>? observe,
        BlobHttpHeaders? headers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(blockSize), ArrayPool<byte>.Shared.Rent(blockSize) };
        var blockIds = new List<string>();
        Task pending = Task.CompletedTask;
        long total = 0;
        try
        {
            for (var index = 0; ; index++)
            {
                var buffer = buffers[index % 2];
                var read = await FillAsync(source, buffer.AsMemory(0, blockSize), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > maxBytes)
                {
                    throw new UploadTooLargeException(maxBytes);
                }

                var block = buffer.AsMemory(0, read);
                observe?.Invoke(block);
                // The other buffer's Put Block must finish before this one starts, so at most one is in flight
                // while the next block is read.
                await pending;
                var id = BlockId(index);
                blockIds.Add(id);
                pending = blobs.StageBlockAsync(container, blob, id, block, cancellationToken);
            }

            await pending;
            await blobs.CommitBlockListAsync(container, blob, blockIds, headers, cancellationToken);
            return total;
        }
        finally
        {
            // A block still being sent owns its buffer until the request ends.
            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    /// <summary>Block ids must have one length within a blob: base64 of a fixed-width decimal index.</summary>
    public static string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D8", CultureInfo.InvariantCulture)));

    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await source.ReadAsync(buffer[filled..], cancellationToken);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }
}
