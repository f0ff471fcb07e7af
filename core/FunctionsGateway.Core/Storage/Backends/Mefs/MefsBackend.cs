using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// The <c>mefs</c> backend: files stored in MEFS through its S3 gateway (memoio/mefs-gw), one bucket per owner
/// created on first upload and one object per file (spec/compat.md §2.8), placed by <see cref="IMefsObjectPlacement"/>.
/// The backend ref is a <see cref="MefsObjectRef"/> (<c>{bucket}/{etag}/{key}</c>); its ETag is MEMO's <c>Mid</c>.
/// <para>
/// Uploads stream the staged bytes: a file up to <see cref="MefsOptions.PartSizeBytes"/> goes in one PutObject
/// with its known length (a plain body, <c>UNSIGNED-PAYLOAD</c>, since a stream cannot be hashed before it is
/// sent), a larger one in a multipart upload holding one part in memory at a time. Pushing a file twice writes
/// the same key with the same bytes. Reads are ranged GetObjects whose response stream is handed on unbuffered;
/// an object whose ETag is no longer the recorded one reads as missing. Failures are <see cref="MefsStorageException"/>s;
/// an object the gateway will never take (a name or size it refuses) is a <see cref="PushRejectedException"/>.
/// </para>
/// </summary>
public sealed partial class MefsBackend(
    [FromKeyedServices(MefsBackend.BackendName)] IAmazonS3 s3,
    IMefsObjectPlacement placement,
    IOptions<MefsOptions> options,
    ILogger<MefsBackend> logger) : IStorageBackend
{
    public const string BackendName = "mefs";

    /// <summary>S3 error codes that no retry of the same object can cure.</summary>
    private static readonly HashSet<string> RejectedCodes = new(StringComparer.Ordinal)
    {
        "InvalidBucketName", "KeyTooLongError", "InvalidObjectName", "EntityTooLarge", "MetadataTooLarge",
    };

    // Buckets this process has created or found. Only saves a CreateBucket per push: a bucket removed behind the
    // gateway's back fails the next put with NoSuchBucket, which forgets it, and the retry creates it again.
    private readonly ConcurrentDictionary<string, byte> _knownBuckets = new(StringComparer.Ordinal);

    public string Name => BackendName;

    public async Task<string> StoreAsync(FileRecord file, Func<CancellationToken, Task<Stream>> openStaged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(openStaged);
        var location = await placement.PlaceAsync(file, cancellationToken);
        if (!MefsBucketNames.IsValid(location.Bucket) || string.IsNullOrEmpty(location.Key))
        {
            throw new PushRejectedException($"The MEFS placement gave bucket '{location.Bucket}' and key '{location.Key}', which S3 does not accept.");
        }

        try
        {
            await EnsureBucketAsync(location.Bucket, cancellationToken);
            string etag;
            await using (var staged = await openStaged(cancellationToken))
            {
                etag = file.Size <= options.Value.PartSizeBytes
                    ? await PutAsync(file, location, staged, cancellationToken)
                    : await PutMultipartAsync(file, location, staged, cancellationToken);
            }

            if (etag.Length == 0)
            {
                throw new MefsStorageException("PutObject", location.Bucket, location.Key, null, null, isTransient: false, "the S3 gateway answered no ETag");
            }

            LogStored(logger, file.Id, location.Bucket, location.Key, etag);
            return new MefsObjectRef(location.Bucket, location.Key, etag).ToString();
        }
        catch (MefsStorageException e) when (e.ErrorCode == "NoSuchBucket")
        {
            _knownBuckets.TryRemove(location.Bucket, out _);
            throw;
        }
        catch (MefsStorageException e) when (e.ErrorCode is { } code && RejectedCodes.Contains(code))
        {
            throw new PushRejectedException(e.Message, e);
        }
    }

    public async Task<BlobDownload?> OpenReadAsync(string backendRef, BlobRange? range, CancellationToken cancellationToken = default)
    {
        var stored = MefsObjectRef.Parse(backendRef);
        var request = new GetObjectRequest
        {
            BucketName = stored.Bucket,
            Key = stored.Key,
            // Gateways that honour If-Match answer 412 for a replaced object; the ETag check below covers the rest.
            EtagToMatch = "\"" + stored.ETag + "\"",
        };
        if (range is { } r)
        {
            request.ByteRange = r.Length is { } length
                ? new ByteRange(r.Offset, r.Offset + length - 1)
                : new ByteRange(string.Create(CultureInfo.InvariantCulture, $"bytes={r.Offset}-"));
        }

        GetObjectResponse response;
        try
        {
            response = await CallAsync("GetObject", stored.Location, c => s3.GetObjectAsync(request, c), cancellationToken);
        }
        catch (MefsStorageException e) when (e.IsNotFound || e.Status == 412)
        {
            LogMissing(logger, stored.Bucket, stored.Key, e.ErrorCode ?? e.Status?.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        if (MefsObjectRef.NormalizeETag(response.ETag) != stored.ETag)
        {
            LogMissing(logger, stored.Bucket, stored.Key, "ETag changed");
            response.Dispose();
            return null;
        }

        long whole = response.ContentLength;
        BlobRange? returned = null;
        if (range is not null)
        {
            if (!TryParseContentRange(response.ContentRange, out var offset, out var count, out whole))
            {
                response.Dispose();
                throw new MefsStorageException("GetObject", stored.Bucket, stored.Key, (int)response.HttpStatusCode, null, isTransient: false, $"the S3 gateway answered a range request without a usable Content-Range ('{response.ContentRange}')");
            }

            returned = new BlobRange(offset, count);
        }

        var properties = new BlobProperties(whole, response.Headers.ContentType, stored.ETag, new DateTimeOffset(response.LastModified.ToUniversalTime()));
        // The body straight from the connection, nothing buffered. Its stream is all a GetObjectResponse holds
        // (disposing the response only disposes it), so the download owns it alone.
        return new BlobDownload(response.ResponseStream, properties, returned);
    }

    public async Task DeleteAsync(string backendRef, CancellationToken cancellationToken = default)
    {
        var stored = MefsObjectRef.Parse(backendRef);
        try
        {
            await CallAsync(
                "DeleteObject",
                stored.Location,
                c => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = stored.Bucket, Key = stored.Key }, c),
                cancellationToken);
        }
        catch (MefsStorageException e) when (e.IsNotFound)
        {
            // Already gone: deleting is idempotent.
        }
        catch (MefsStorageException e) when (e.Status == 501)
        {
            // mefs-gw answers NotImplemented to DeleteObject: MEFS keeps the object, the gateway forgets the file.
            LogDeleteNotImplemented(logger, stored.Bucket, stored.Key);
        }
    }

    /// <summary>Creates the bucket unless this process knows it exists; "already exists" from a racing push is fine.</summary>
    private async Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        if (_knownBuckets.ContainsKey(bucket))
        {
            return;
        }

        var created = await CallAsync("CreateBucket", new MefsObjectLocation(bucket, ""), async c =>
        {
            try
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, c);
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // S3 and MinIO say "owned by you" for our own bucket; s3rver says "exists" for every bucket. A bucket
                // that belongs to another account then fails the put with 403, which names the bucket.
                return false;
            }
        }, cancellationToken);
        if (created)
        {
            LogBucketCreated(logger, bucket);
        }

        _knownBuckets.TryAdd(bucket, 0);
    }

    private async Task<string> PutAsync(FileRecord file, MefsObjectLocation location, Stream staged, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            InputStream = staged,
            AutoCloseStream = false,
            AutoResetStreamPosition = false,
            ContentType = file.ContentType ?? "application/octet-stream",
            // The SDK's default for a stream is an aws-chunked body, which S3 servers that do not decode it (s3rver)
            // store framing and all. Without it and with the length known, the body goes as it is.
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = file.Size;
        var response = await CallAsync("PutObject", location, c => s3.PutObjectAsync(request, c), cancellationToken);
        return MefsObjectRef.NormalizeETag(response.ETag);
    }

    private async Task<string> PutMultipartAsync(FileRecord file, MefsObjectLocation location, Stream staged, CancellationToken cancellationToken)
    {
        var started = await CallAsync(
            "CreateMultipartUpload",
            location,
            c => s3.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = location.Bucket, Key = location.Key, ContentType = file.ContentType ?? "application/octet-stream" }, c),
            cancellationToken);
        var partSize = checked((int)options.Value.PartSizeBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var parts = new List<PartETag>();
            long total = 0;
            while (true)
            {
                var read = await staged.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                var number = parts.Count + 1;
                // A part in memory is a seekable body: the SDK signs its hash and can resend it on a retry.
                using var body = new MemoryStream(buffer, 0, read, writable: false);
                var uploaded = await CallAsync(
                    "UploadPart",
                    location,
                    c => s3.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = location.Bucket, Key = location.Key, UploadId = started.UploadId, PartNumber = number,
                            InputStream = body, PartSize = read, UseChunkEncoding = false,
                        }, c),
                    cancellationToken);
                parts.Add(new PartETag(number, uploaded.ETag));
                if (read < partSize)
                {
                    break;
                }
            }

            if (total != file.Size)
            {
                throw new InvalidOperationException($"Staged blob {file.StagedBlob} holds {total} bytes, the record says {file.Size}.");
            }

            var completed = await CallAsync(
                "CompleteMultipartUpload",
                location,
                c => s3.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = location.Bucket, Key = location.Key, UploadId = started.UploadId, PartETags = parts }, c),
                cancellationToken);
            LogMultipart(logger, file.Id, parts.Count);
            return MefsObjectRef.NormalizeETag(completed.ETag);
        }
        catch (Exception)
        {
            await AbortAsync(location, started.UploadId);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Discards the parts of a failed multipart upload; if that fails too, the server's own clean-up has to.</summary>
    private async Task AbortAsync(MefsObjectLocation location, string uploadId)
    {
        try
        {
            await CallAsync(
                "AbortMultipartUpload",
                location,
                c => s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = location.Bucket, Key = location.Key, UploadId = uploadId }, c),
                CancellationToken.None);
        }
        catch (MefsStorageException e)
        {
            LogAbortFailed(logger, e, location.Bucket, location.Key, uploadId);
        }
    }

    /// <summary>Runs one S3 call and turns what the SDK or the network threw into a <see cref="MefsStorageException"/>.</summary>
    private static async Task<T> CallAsync<T>(string operation, MefsObjectLocation location, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e) when (MefsStorageException.IsBoundaryFailure(e, cancellationToken))
        {
            throw MefsStorageException.From(e, operation, location.Bucket, location.Key.Length == 0 ? null : location.Key);
        }
    }

    /// <summary>Reads <c>bytes {first}-{last}/{length}</c>.</summary>
    internal static bool TryParseContentRange(string? contentRange, out long offset, out long count, out long whole)
    {
        offset = count = whole = 0;
        const string Prefix = "bytes ";
        if (contentRange is null || !contentRange.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var text = contentRange.AsSpan(Prefix.Length);
        var dash = text.IndexOf('-');
        var slash = text.IndexOf('/');
        if (dash <= 0 || slash <= dash
            || !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            || !long.TryParse(text[(dash + 1)..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || !long.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out whole)
            || last < offset || last >= whole)
        {
            return false;
        }

        count = last - offset + 1;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {FileId} in MEFS as {Bucket}/{Key} (ETag {ETag})")]
    private static partial void LogStored(ILogger logger, string fileId, string bucket, string key, string etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created MEFS bucket {Bucket}")]
    private static partial void LogBucketCreated(ILogger logger, string bucket);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded {FileId} to MEFS in {Parts} parts")]
    private static partial void LogMultipart(ILogger logger, string fileId, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MEFS object {Bucket}/{Key} is not the stored file any more ({Reason})")]
    private static partial void LogMissing(ILogger logger, string bucket, string key, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The MEFS gateway does not delete objects; {Bucket}/{Key} stays in MEFS")]
    private static partial void LogDeleteNotImplemented(ILogger logger, string bucket, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not abort the multipart upload {UploadId} of {Bucket}/{Key}")]
    private static partial void LogAbortFailed(ILogger logger, Exception exception, string bucket, string key, string uploadId);
}
