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
    /// <summary>The most blocks one block blob can commit (spec/azure.md §4.1).</summary>
    public const int MaxBlockCount = 50_000;

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
        var staged = await StageAsync(new BlockStaging(container, blob, source, blockSize, maxBytes) { Observe = observe }, cancellationToken);
        await blobs.CommitBlockListAsync(container, blob, BlockIds(0, staged.Blocks), headers, cancellationToken);
        return staged.Bytes;
    }

    /// <summary>
    /// Stages the source as uncommitted blocks numbered from <see cref="BlockStaging.FirstBlock"/>, without
    /// committing them. Storage requests use <paramref name="cancellationToken"/>; reads of the source also
    /// stop on <see cref="BlockStaging.SourceCancellation"/>.
    /// </summary>
    /// <exception cref="UploadTooLargeException">The source passed <see cref="BlockStaging.MaxBytes"/>, or the blob
    /// would need more than <see cref="MaxBlockCount"/> blocks.</exception>
    public async Task<StagedBlocks> StageAsync(BlockStaging staging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(staging.Source);
        ArgumentOutOfRangeException.ThrowIfLessThan(staging.BlockSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(staging.FirstBlock);
        var blockSize = staging.BlockSize;
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(blockSize), ArrayPool<byte>.Shared.Rent(blockSize) };
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, staging.SourceCancellation);
        Task pending = Task.CompletedTask;
        long total = 0;
        var count = 0;
        try
        {
            while (true)
            {
                var buffer = buffers[count % 2];
                var (read, failure) = await FillAsync(staging.Source, buffer.AsMemory(0, blockSize), staging.KeepReceivedOnSourceFailure, reading.Token, cancellationToken);
                if (read > 0)
                {
                    total += read;
                    if (total > staging.MaxBytes)
                    {
                        throw new UploadTooLargeException(staging.MaxBytes);
                    }

                    if (staging.FirstBlock + count >= MaxBlockCount)
                    {
                        throw new UploadTooLargeException($"The upload would need more than {MaxBlockCount} blocks; send it in larger pieces.");
                    }

                    var block = buffer.AsMemory(0, read);
                    staging.Observe?.Invoke(block);
                    // The other buffer's Put Block must finish before this one starts, so at most one is in flight
                    // while the next block is read.
                    await pending;
                    pending = blobs.StageBlockAsync(staging.Container, staging.Blob, BlockId(staging.FirstBlock + count), block, cancellationToken);
                    count++;
                }

                if (read == 0 || failure is not null)
                {
                    await pending;
                    return new StagedBlocks(total, count, failure);
                }
            }
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

    /// <summary>The ids of <paramref name="count"/> blocks from <paramref name="first"/>, in order (a Put Block List).</summary>
    public static IReadOnlyList<string> BlockIds(int first, int count) => Enumerable.Range(first, count).Select(BlockId).ToList();

    /// <summary>Reads until the buffer is full or the source ends. With <paramref name="keepOnFailure"/>, a failing
    /// source (the client went away, the body was cut) ends the fill with what arrived instead of throwing.</summary>
    private static async Task<(int Filled, Exception? Failure)> FillAsync(
        Stream source, Memory<byte> buffer, bool keepOnFailure, CancellationToken readToken, CancellationToken storageToken)
    {
        var filled = 0;
        try
        {
            while (filled < buffer.Length)
            {
                var n = await source.ReadAsync(buffer[filled..], readToken);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }
        }
        catch (Exception e) when (keepOnFailure && !storageToken.IsCancellationRequested)
        {
            return (filled, e);
        }

        return (filled, null);
    }
}

/// <summary>What <see cref="BlockBlobWriter.StageAsync"/> stages: the source, where to, in what block size, and how far.</summary>
/// <param name="MaxBytes">More bytes than this from the source throw <see cref="UploadTooLargeException"/>.</param>
public sealed record BlockStaging(string Container, string Blob, Stream Source, int BlockSize, long MaxBytes)
{
    /// <summary>The index of the first block (block ids continue from here). Default 0.</summary>
    public int FirstBlock { get; init; }

    /// <summary>Called with each block's bytes, in order, before it is staged.</summary>
    public Action<ReadOnlyMemory<byte>>? Observe { get; init; }

    /// <summary>Stops reading the source (not the storage requests) when cancelled.</summary>
    public CancellationToken SourceCancellation { get; init; }

    /// <summary>
    /// When the source fails (or <see cref="SourceCancellation"/> fires), stage what arrived as a last, shorter
    /// block and report the failure in <see cref="StagedBlocks.SourceFailure"/> instead of throwing. Default false.
    /// </summary>
    public bool KeepReceivedOnSourceFailure { get; init; }
}

/// <summary>The outcome of staging: bytes and blocks staged, and why the source ended early, if it did.</summary>
public sealed record StagedBlocks(long Bytes, int Blocks, Exception? SourceFailure);
