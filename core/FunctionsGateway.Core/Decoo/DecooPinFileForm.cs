using System.Text;
using FunctionsGateway.Core.Uploads;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// The multipart body of <c>POST /decoo/pinning/pinFile</c> (compat §3.2), read as it streams: the text fields before
/// the part <c>file</c> (the SDK sends none), then the file, whose body is handed on unbuffered, then the fields after
/// it (<c>cid</c>, <c>secret</c>, <c>decooMetadata</c>). Fields are small (64 KiB at most, 32 of them).
/// </summary>
internal sealed class DecooPinFileForm
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxFields = 32;

    private readonly MultipartReader _reader;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private DecooPinFileForm(string boundary, Stream body) => _reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };

    /// <summary>The text fields read so far, by name (the first of a repeated name wins).</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>A reader of the request body.</summary>
    /// <exception cref="DecooRequestException">The body is not <c>multipart/form-data</c> with a boundary.</exception>
    public static DecooPinFileForm Create(string? contentType, Stream body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !string.Equals(media.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            throw new DecooRequestException("the body must be multipart/form-data with the fields file, cid and secret");
        }

        return new DecooPinFileForm(boundary, body);
    }

    /// <summary>Reads up to the part <c>file</c>; returns its body (valid until the next read) and file name.</summary>
    /// <exception cref="DecooRequestException">No part <c>file</c>, or a malformed body.</exception>
    public async Task<(Stream Body, string? FileName, string? ContentType)> ReadFileAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file")
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return (section.Body, fileName, section.ContentType);
            }

            await AddFieldAsync(section, disposition, cancellationToken);
        }

        throw new DecooRequestException("the multipart field file is required");
    }

    /// <summary>Reads the fields that follow the file, to the end of the body.</summary>
    public async Task ReadRestAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && !disposition.IsFileDisposition())
            {
                await AddFieldAsync(section, disposition, cancellationToken);
            }
        }
    }

    /// <summary>A file name for the record: the part's base name when it is a valid one, else <paramref name="fallback"/>.</summary>
    public static string FileNameOr(string? fileName, string fallback)
    {
        var name = fileName?[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        return FileNames.IsValid(name) ? name! : fallback;
    }

    private async Task<MultipartSection?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new DecooRequestException($"malformed multipart body: {e.Message}", e);
        }
    }

    private async Task AddFieldAsync(MultipartSection section, ContentDispositionHeaderValue disposition, CancellationToken cancellationToken)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes || _fields.Count >= MaxFields)
            {
                throw new DecooRequestException($"the multipart field {name} is too large, or there are too many fields");
            }

            buffer.Write(chunk, 0, read);
        }

        _fields.TryAdd(name, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
