using System.Text;

namespace FunctionsGateway.Core.Uploads.Tus;

/// <summary>
/// tus <c>Upload-Metadata</c> (https://tus.io/protocols/resumable-upload#upload-metadata): comma-separated pairs of
/// a key (ASCII, no spaces or commas) and an optional base64 value, keys unique. Pure: parse only.
/// The gateway reads <c>filename</c> and <c>filetype</c> and keeps the header as sent for HEAD.
/// </summary>
public sealed class TusMetadata
{
    /// <summary>The longest header kept (it is returned on every HEAD and stored in a table row).</summary>
    public const int MaxLength = 4096;

    public const string FileNameKey = "filename";
    public const string FileTypeKey = "filetype";

    private readonly Dictionary<string, string?> _values;

    private TusMetadata(string raw, Dictionary<string, string?> values)
    {
        Raw = raw;
        _values = values;
    }

    /// <summary>No metadata.</summary>
    public static TusMetadata Empty { get; } = new("", new Dictionary<string, string?>(StringComparer.Ordinal));

    /// <summary>The header as the client sent it.</summary>
    public string Raw { get; }

    public IReadOnlyDictionary<string, string?> Values => _values;

    /// <summary>The <c>filename</c> value, if given.</summary>
    public string? FileName => Get(FileNameKey);

    /// <summary>The <c>filetype</c> value, if given.</summary>
    public string? FileType => Get(FileTypeKey);

    /// <summary>A value decoded as UTF-8; null when the key is absent or has no value.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Parses the header; an absent or empty header is <see cref="Empty"/>.</summary>
    /// <param name="error">Why the header was refused.</param>
    public static bool TryParse(string? header, out TusMetadata metadata, out string error)
    {
        metadata = Empty;
        error = "";
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        if (header.Length > MaxLength)
        {
            error = $"Upload-Metadata is longer than {MaxLength} characters.";
            return false;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || !parts[0].All(c => char.IsAscii(c) && !char.IsControl(c)))
            {
                error = "Upload-Metadata must be comma-separated pairs of a key and an optional base64 value.";
                return false;
            }

            string? value = null;
            if (parts.Length == 2)
            {
                var bytes = new byte[parts[1].Length];
                if (!Convert.TryFromBase64String(parts[1], bytes, out var written))
                {
                    error = $"The value of Upload-Metadata key '{parts[0]}' is not base64.";
                    return false;
                }

                value = Encoding.UTF8.GetString(bytes, 0, written);
            }

            if (!values.TryAdd(parts[0], value))
            {
                error = $"Upload-Metadata names the key '{parts[0]}' twice.";
                return false;
            }
        }

        metadata = new TusMetadata(header, values);
        return true;
    }
}
