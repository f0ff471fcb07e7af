using System.Text;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Memo.Files;

/// <summary>
/// The MEMO file routes over the upload pipeline (compat §2.4, §2.5): multipart uploads into the backend of the
/// route's storage type, downloads by mid (the file's CID), the object list, deletion by mid or number, and the
/// fileDNS search. Uploads stream: the multipart body is read section by section and the <c>file</c> part goes
/// into the pipeline as it arrives; only when a DID-era client puts its signed fields after the file is the file
/// spooled to a temporary file first (the original's gin spooled every upload), since the owner is not known before.
/// </summary>
internal sealed class MemoFileService(
    UploadPipeline pipeline,
    FileIndex files,
    FileContentReader reader,
    CidIndex cids,
    MemoObjectIndex objects,
    MemoStorage storage,
    MemoVouchers vouchers,
    MemoDidRequestScheme didScheme,
    IOptions<UploadOptions> uploads)
{
    /// <summary>The largest form field read from a multipart body.</summary>
    private const int MaxFieldBytes = 64 * 1024;

    /// <summary>The most form fields read from a multipart body.</summary>
    private const int MaxFields = 64;

    /// <summary>How many search entries one <c>/search</c> scans at most.</summary>
    public const int SearchScanLimit = 5000;

    /// <summary>
    /// <c>POST /{mefs|ipfs}/</c>: the object recorded and the caller, authenticated by <paramref name="jwtCaller"/> or by the
    /// signed fields of the form. Throws <see cref="MemoException"/>, <see cref="MemoAuthException"/> or
    /// <see cref="UploadTooLargeException"/>.
    /// </summary>
    public async Task<(MemoObject Object, MemoCaller Caller)> UploadAsync(MemoStorageType type, HttpRequest request, MemoCaller? jwtCaller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var backend = storage.Resolve(type);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new MemoException(MemoErrorKind.InvalidRequest, "request Content-Type isn't multipart/form-data");
        }

        var form = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var (file, fileName) = await ReadUntilFileAsync(form, fields, cancellationToken);
        Stream body = file.Body;
        FileStream? spool = null;
        try
        {
            MemoCaller caller;
            if (jwtCaller is not null)
            {
                caller = jwtCaller;
            }
            else if (SignedFields(fields).IsPresent)
            {
                caller = await AuthenticateAsync(fields, cancellationToken);
            }
            else
            {
                // The signed fields may follow the file: keep the file aside, read on, then authenticate.
                spool = await SpoolAsync(file.Body, cancellationToken);
                await ReadFieldsAsync(form, fields, cancellationToken);
                caller = await AuthenticateAsync(fields, cancellationToken);
                body = spool;
            }

            var spooled = spool is not null;
            MemoVoucherUse? voucher = null;
            var record = await pipeline.UploadAsync(
                new UploadRequest(caller.IdentityId, fileName, body, spool?.Length, file.ContentType ?? MemoContentTypes.FromName(fileName), backend.Name)
                {
                    Public = type == MemoStorageType.Ipfs,
                    AdmitAsync = async (staged, token) =>
                    {
                        if (!spooled)
                        {
                            await ReadFieldsAsync(form, fields, token);
                        }

                        // DID-era uploads pay with a voucher; SIWE-era ones do when they send one (seed 002).
                        if (vouchers.Required && (caller.IsDid || fields.ContainsKey("size")))
                        {
                            voucher = await vouchers.ReserveAsync(MemoPayKind.Space, caller.Address, fields.GetValueOrDefault("size"), fields.GetValueOrDefault("sign"), staged.Size, token);
                        }
                    },
                },
                cancellationToken);
            try
            {
                return (await objects.AddAsync(caller.IdentityId, type, record, cancellationToken), caller);
            }
            catch (Exception) when (voucher is not null)
            {
                await vouchers.ReleaseAsync(voucher, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// <c>GET /{mefs|ipfs}/{mid}</c>: the caller's object with that mid, or else any public file with that CID. An
    /// anonymous caller gets only public content (517 <c>address is null</c> otherwise). A DID caller pays the
    /// download with a traffic voucher (<c>size</c>, <c>sign</c>) when vouchers are required.
    /// </summary>
    public async Task<(FileRecord File, BlobDownload Content)> DownloadAsync(MemoStorageType type, string mid, MemoCaller? caller, string? size, string? sign, CancellationToken cancellationToken = default)
    {
        storage.Resolve(type);
        FileRecord? file = null;
        if (caller is not null && await objects.FindByMidAsync(caller.IdentityId, type, mid, cancellationToken) is { } item)
        {
            file = await files.GetAsync(caller.IdentityId, item.FileId, cancellationToken);
        }

        if (file is null && Cid.TryParse(mid, out var cid))
        {
            foreach (var entry in await cids.FindAsync(cid, cancellationToken: cancellationToken))
            {
                if (entry.Public && await files.GetAsync(entry.OwnerId, entry.FileId, cancellationToken) is { } found)
                {
                    file = found;
                    break;
                }
            }
        }

        if (file is null)
        {
            throw caller is null ? new MemoException(MemoErrorKind.Address, "address is null") : NotFound(mid);
        }

        var voucher = caller is { IsDid: true } && vouchers.Required
            ? await vouchers.ReserveAsync(MemoPayKind.Traffic, caller.Address, size, sign, file.Size, cancellationToken)
            : null;
        var content = await reader.OpenAsync(file, range: null, cancellationToken);
        if (content is null)
        {
            if (voucher is not null)
            {
                await vouchers.ReleaseAsync(voucher, CancellationToken.None);
            }

            throw NotFound(mid);
        }

        return (file, content);
    }

    /// <summary><c>GET /{mefs|ipfs}/listobjects</c>.</summary>
    public async Task<IReadOnlyList<MemoObject>> ListAsync(MemoStorageType type, MemoCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        storage.Resolve(type);
        return await objects.ListAsync(caller.IdentityId, type, cancellationToken);
    }

    /// <summary>
    /// <c>GET /{mefs|ipfs}/delete?mid=</c> (SIWE era) or <c>?id=</c> (DID era, whose routes are mounted under both
    /// storage types, compat §2.5). The object goes first, then the file and its bytes.
    /// </summary>
    public async Task DeleteAsync(MemoStorageType type, MemoCaller caller, string? mid, string? id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        storage.Resolve(type);
        MemoObject? item;
        if (!string.IsNullOrEmpty(id))
        {
            item = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? await objects.GetAsync(caller.IdentityId, number, cancellationToken)
                : null;
            if (item is not null && item.Storage != type)
            {
                throw new MemoException(MemoErrorKind.Controller, "address not right");
            }
        }
        else if (!string.IsNullOrEmpty(mid))
        {
            item = await objects.FindByMidAsync(caller.IdentityId, type, mid, cancellationToken);
        }
        else
        {
            throw new MemoException(MemoErrorKind.Storage, "mid or id is required");
        }

        if (item is null)
        {
            throw NotFound(mid ?? id ?? "");
        }

        await objects.RemoveAsync(item, cancellationToken);
        if (await files.GetAsync(item.OwnerId, item.FileId, cancellationToken) is { } record)
        {
            await reader.DeleteAsync(record, cancellationToken);
        }
    }

    /// <summary><c>GET /search?query=&amp;page=&amp;size=</c> over public objects.</summary>
    public Task<IReadOnlyList<MemoObject>> SearchAsync(string query, int page, int size, CancellationToken cancellationToken = default) =>
        objects.SearchAsync(query, page, size, SearchScanLimit, cancellationToken);

    private async Task<MemoCaller> AuthenticateAsync(Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var signed = SignedFields(fields);
        if (!signed.IsPresent)
        {
            // No credentials of either era: the route is the SIWE era's too, so its envelope answers.
            throw new MemoException(MemoErrorKind.Authentication, MemoTokenService.TokenIsNull);
        }

        var result = await didScheme.AuthenticateAsync(signed, cancellationToken);
        return result.Succeeded ? MemoCaller.From(result.Principal!) : throw new MemoAuthException(result);
    }

    private static MemoSignedFields SignedFields(Dictionary<string, string> fields) => MemoSignedFields.FromFields(fields.GetValueOrDefault);

    private static async Task<(MultipartSection File, string Name)> ReadUntilFileAsync(MultipartReader form, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        while (await NextAsync(form, cancellationToken) is { } section)
        {
            // IsFormDisposition() means "form-data without a file name"; a file part is form-data too.
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (name == "file")
                {
                    return (section, BaseName(fileName));
                }

                continue; // Other files are skipped (the next read drains them).
            }

            await AddFieldAsync(section, disposition, fields, cancellationToken);
        }

        throw new MemoException(MemoErrorKind.InvalidRequest, "http: no such file");
    }

    private static async Task ReadFieldsAsync(MultipartReader form, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        while (await NextAsync(form, cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFormDisposition())
            {
                await AddFieldAsync(section, disposition, fields, cancellationToken);
            }
        }
    }

    private static async Task<MultipartSection?> NextAsync(MultipartReader form, CancellationToken cancellationToken)
    {
        try
        {
            return await form.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // A malformed body (no closing boundary, a header too long): what the original's form parser reports.
            throw new MemoException(new MemoError(MemoErrorKind.InvalidRequest, "multipart: " + e.Message), e);
        }
    }

    private static async Task AddFieldAsync(MultipartSection section, ContentDispositionHeaderValue disposition, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                throw new MemoException(MemoErrorKind.InvalidRequest, $"multipart: field {name} is too large");
            }

            buffer.Write(chunk, 0, read);
        }

        if (fields.Count >= MaxFields)
        {
            throw new MemoException(MemoErrorKind.InvalidRequest, "multipart: too many fields");
        }

        fields.TryAdd(name, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private async Task<FileStream> SpoolAsync(Stream source, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), "fg-memo-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var limit = uploads.Value.MaxFileBytes;
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (spool.Length + read > limit)
                {
                    throw new UploadTooLargeException(limit);
                }

                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static string BaseName(string? fileName)
    {
        // Some clients send a path; Go's FileHeader.Filename keeps only the base name.
        var name = fileName?[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        return name is not null && FileNames.IsValid(name) ? name : throw new MemoException(MemoErrorKind.InvalidRequest, "invalid file name");
    }

    private static MemoException NotFound(string mid) => new(MemoErrorKind.Storage, mid + ": object not found");
}

/// <summary>An upload's signed fields did not authenticate; the surface answers the DID era's 401 <c>{"error"}</c>.</summary>
public sealed class MemoAuthException : Exception
{
    public MemoAuthException(AuthResult result)
        : base(result?.Detail ?? "not authenticated")
    {
        Result = result ?? AuthResult.Fail(AuthFailure.Invalid);
    }

    public MemoAuthException()
        : this(AuthResult.Fail(AuthFailure.Missing))
    {
    }

    public MemoAuthException(string message)
        : this(AuthResult.Fail(AuthFailure.Invalid, message))
    {
    }

    public MemoAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = AuthResult.Fail(AuthFailure.Invalid, message);
    }

    /// <summary>The scheme's result, whose <see cref="AuthResult.Detail"/> is the message to show.</summary>
    public AuthResult Result { get; }
}
