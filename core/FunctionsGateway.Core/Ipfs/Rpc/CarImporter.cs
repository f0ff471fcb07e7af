using System.Globalization;
using FunctionsGateway.Core.Content;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Kubo's <c>dag/import</c> (https://docs.ipfs.tech/reference/kubo/rpc/#api-v0-dag-import): the CARs of the request
/// become public blocks, all or nothing. Each CAR part is first streamed into a staged blob (nothing enters the
/// blockstore yet); then every staged CAR is read back and every block checked against its CID; only when all of
/// them pass is each CAR read once more and its blocks written to the blockstore. A malformed CAR or a block that
/// does not match its CID rejects the import with the reason, naming the CID, and the staged blobs are deleted in
/// any case, so a rejected request leaves nothing behind. Roots are then pinned for the caller when asked.
/// </summary>
/// <remarks>
/// If storage fails while the blocks are being written, the blocks already written stay: each is a verified block
/// under its own CID, so they can harm nothing, and a retried import writes the same bytes again.
/// </remarks>
internal sealed partial class CarImporter(
    IBlobStorage blobs,
    BlockBlobWriter writer,
    BlobBlockStore blocks,
    PinStore pins,
    StorageBootstrap bootstrap,
    StorageNames names,
    IOptions<UploadOptions> uploads,
    IOptions<ContentOptions> content,
    ILogger<CarImporter> logger)
{
    private const int BatchBlocks = 64;
    private const int BatchBytes = 8 * 1024 * 1024;

    /// <summary>Imports the CAR parts of <paramref name="parts"/> for <paramref name="ownerId"/>.</summary>
    /// <exception cref="RpcRequestException">No CAR was sent, or one is malformed or holds a block that does not match its CID.</exception>
    /// <exception cref="UploadTooLargeException">A CAR is larger than an upload may be.</exception>
    public Task<CarImportResult> ImportAsync(string ownerId, MultipartFileReader parts, bool pinRoots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return ImportAsync(ownerId, CarParts(parts, cancellationToken), pinRoots, cancellationToken);
    }

    /// <summary>Imports one CAR sent as a raw body (Gateway3's <c>dag/import</c> upload) for <paramref name="ownerId"/>.</summary>
    /// <exception cref="RpcRequestException">The CAR is empty, malformed or holds a block that does not match its CID.</exception>
    /// <exception cref="UploadTooLargeException">The CAR is larger than an upload may be.</exception>
    public Task<CarImportResult> ImportAsync(string ownerId, Stream car, bool pinRoots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(car);
        return ImportAsync(ownerId, new[] { car }.ToAsyncEnumerable(), pinRoots, cancellationToken);
    }

    private static async IAsyncEnumerable<Stream> CarParts(MultipartFileReader parts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await parts.ReadNextAsync(cancellationToken) is { } part)
        {
            if (!part.IsDirectory)
            {
                yield return part.Body;
            }
        }
    }

    private async Task<CarImportResult> ImportAsync(string ownerId, IAsyncEnumerable<Stream> cars, bool pinRoots, CancellationToken cancellationToken)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var importId = Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);
        var staged = new List<string>();
        try
        {
            await foreach (var car in cars.WithCancellation(cancellationToken))
            {
                var blob = $"{ownerId}/import-{importId}-{staged.Count}";
                staged.Add(blob);
                await writer.WriteAsync(
                    names.StagingContainer, blob, car, uploads.Value.BlockSizeBytes, uploads.Value.MaxFileBytes,
                    observe: null, new BlobHttpHeaders("application/vnd.ipld.car"), cancellationToken);
            }

            if (staged.Count == 0)
            {
                throw new RpcRequestException("file argument \"path\" is required");
            }

            var roots = new Dictionary<string, (Cid Cid, bool Present)>(StringComparer.Ordinal);
            long blockCount = 0, blockBytes = 0;
            for (var i = 0; i < staged.Count; i++)
            {
                await ReadAsync(staged[i], i, header =>
                {
                    foreach (var root in header.Roots)
                    {
                        roots.TryAdd(BlockKey.For(root), (root, root.IsIdentity));
                    }
                }, block =>
                {
                    blockCount++;
                    blockBytes += block.Data.Length;
                    if (roots.TryGetValue(BlockKey.For(block.Cid), out var root))
                    {
                        roots[BlockKey.For(block.Cid)] = root with { Present = true };
                    }

                    return ValueTask.CompletedTask;
                }, cancellationToken);
            }

            for (var i = 0; i < staged.Count; i++)
            {
                await PublishAsync(staged[i], i, cancellationToken);
            }

            var result = new List<CarImportRoot>();
            foreach (var (cid, present) in roots.Values)
            {
                result.Add(new CarImportRoot(cid, pinRoots ? await PinAsync(ownerId, cid, present, cancellationToken) : ""));
            }

            LogImported(logger, blockCount, staged.Count, ownerId);
            return new CarImportResult(result, blockCount, blockBytes);
        }
        finally
        {
            foreach (var blob in staged)
            {
                await blobs.DeleteAsync(names.StagingContainer, blob, CancellationToken.None);
            }
        }
    }

    private async Task<string> PinAsync(string ownerId, Cid root, bool inImport, CancellationToken cancellationToken)
    {
        if (!inImport && !await blocks.HasAsync(root, cancellationToken))
        {
            return $"block was not found locally (offline): ipld: could not find {root}";
        }

        await pins.AddAsync(ownerId, root, name: null, cancellationToken);
        return "";
    }

    private async Task PublishAsync(string blob, int index, CancellationToken cancellationToken)
    {
        var batch = new List<ContentBlock>(BatchBlocks);
        var bytes = 0;
        await ReadAsync(blob, index, _ => { }, async block =>
        {
            batch.Add(block);
            bytes += block.Data.Length;
            if (batch.Count >= BatchBlocks || bytes >= BatchBytes)
            {
                await blocks.PutManyAsync(batch, content.Value.BlockWriteParallelism, cancellationToken);
                batch = new List<ContentBlock>(BatchBlocks);
                bytes = 0;
            }
        }, cancellationToken);
        await blocks.PutManyAsync(batch, content.Value.BlockWriteParallelism, cancellationToken);
    }

    // Reads a staged CAR, verifying every block; a bad CAR becomes the client's 400.
    private async Task ReadAsync(string blob, int index, Action<CarHeader> onHeader, Func<ContentBlock, ValueTask> onBlock, CancellationToken cancellationToken)
    {
        await using var download = await blobs.DownloadAsync(names.StagingContainer, blob, range: null, cancellationToken)
            ?? throw new InvalidOperationException($"Staged CAR {blob} is missing.");
        try
        {
            var car = await CarReader.OpenAsync(download.Content, CarReaderOptions.Default, cancellationToken);
            onHeader(car.Header);
            while (await car.ReadBlockAsync(cancellationToken) is { } block)
            {
                await onBlock(block);
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new RpcRequestException($"CAR file {index + 1} of the request is rejected, and nothing of the import was stored: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {BlockCount} blocks from {CarCount} CARs for {OwnerId}")]
    private static partial void LogImported(ILogger logger, long blockCount, int carCount, string ownerId);
}
