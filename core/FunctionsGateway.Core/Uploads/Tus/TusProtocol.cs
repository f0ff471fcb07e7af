namespace FunctionsGateway.Core.Uploads.Tus;

/// <summary>
/// The constants of tus 1.0.0 as this gateway speaks it (spec/standards.md §6.1,
/// https://tus.io/protocols/resumable-upload#core-protocol): the core protocol with the creation, termination,
/// checksum (sha256) and expiration extensions.
/// </summary>
public static class TusProtocol
{
    /// <summary>The one protocol version served.</summary>
    public const string Version = "1.0.0";

    /// <summary>The extensions served, as <c>Tus-Extension</c> lists them.</summary>
    public const string Extensions = "creation,termination,checksum,expiration";

    /// <summary>The checksum algorithms served, as <c>Tus-Checksum-Algorithm</c> lists them.</summary>
    public const string ChecksumAlgorithms = TusChecksum.Sha256;

    /// <summary>The only content type a PATCH body may have.</summary>
    public const string PatchContentType = "application/offset+octet-stream";

    /// <summary>The checksum extension's answer when a PATCH body does not match its <c>Upload-Checksum</c>.</summary>
    public const int ChecksumMismatchStatus = 460;

    public const string ResumableHeader = "Tus-Resumable";
    public const string VersionHeader = "Tus-Version";
    public const string ExtensionHeader = "Tus-Extension";
    public const string MaxSizeHeader = "Tus-Max-Size";
    public const string ChecksumAlgorithmHeader = "Tus-Checksum-Algorithm";
    public const string UploadLengthHeader = "Upload-Length";
    public const string UploadDeferLengthHeader = "Upload-Defer-Length";
    public const string UploadOffsetHeader = "Upload-Offset";
    public const string UploadMetadataHeader = "Upload-Metadata";
    public const string UploadExpiresHeader = "Upload-Expires";
    public const string UploadChecksumHeader = "Upload-Checksum";

    /// <summary>Parses <c>Upload-Length</c> / <c>Upload-Offset</c>: a non-negative decimal integer, digits only.</summary>
    public static bool TryParseSize(string? value, out long size)
    {
        size = 0;
        return !string.IsNullOrEmpty(value)
            && value.All(char.IsAsciiDigit)
            && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size);
    }

    /// <summary>An <c>Upload-Expires</c> value: an RFC 9110 HTTP-date.</summary>
    public static string FormatExpires(DateTimeOffset expiresAt) => expiresAt.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
}
