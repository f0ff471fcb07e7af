using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>
/// The <c>Content-Type</c> of a UnixFS file, which carries none (https://specs.ipfs.tech/http-gateways/path-gateway/,
/// "Content-Type"): from the file name's extension when it has a known one, else from the first bytes, after the
/// WHATWG MIME sniffing signatures that Go's <c>http.DetectContentType</c> (and so Kubo's gateway) uses — the common
/// image, audio, video, archive, document and markup signatures, then text versus binary.
/// </summary>
internal static class MediaTypeSniffer
{
    /// <summary>How many leading bytes sniffing looks at.</summary>
    public const int SniffLength = 512;

    public const string Binary = "application/octet-stream";

    public const string Text = "text/plain; charset=utf-8";

    private static readonly FileExtensionContentTypeProvider Extensions = new();

    private static readonly (byte[] Signature, string Type)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ("%!PS-Adobe-"u8.ToArray(), "application/postscript"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
        ("BM"u8.ToArray(), "image/bmp"),
        ([0x00, 0x00, 0x01, 0x00], "image/x-icon"),
        ("ID3"u8.ToArray(), "audio/mpeg"),
        ("OggS\0"u8.ToArray(), "application/ogg"),
        ("fLaC"u8.ToArray(), "audio/flac"),
        ([0x1A, 0x45, 0xDF, 0xA3], "video/webm"),
        ("PK\x03\x04"u8.ToArray(), "application/zip"),
        ([0x1F, 0x8B, 0x08], "application/x-gzip"),
        ("Rar!\x1A\x07"u8.ToArray(), "application/x-rar-compressed"),
        ("\0asm"u8.ToArray(), "application/wasm"),
        ("wOFF"u8.ToArray(), "font/woff"),
        ("wOF2"u8.ToArray(), "font/woff2"),
    ];

    private static readonly string[] HtmlTags =
    [
        "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE",
        "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--",
    ];

    /// <summary>The type for <paramref name="fileName"/>'s extension, or null when it has none or an unknown one.</summary>
    public static string? FromName(string? fileName) =>
        !string.IsNullOrEmpty(fileName) && Extensions.TryGetContentType(fileName, out var type) ? type : null;

    /// <summary>The type the first bytes of a file show (at most <see cref="SniffLength"/> are looked at).</summary>
    public static string FromContent(ReadOnlySpan<byte> head)
    {
        if (head.Length > SniffLength)
        {
            head = head[..SniffLength];
        }

        foreach (var (signature, type) in Signatures)
        {
            if (head.StartsWith(signature))
            {
                return type;
            }
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8))
        {
            var form = head[8..12];
            if (form.SequenceEqual("WEBP"u8))
            {
                return "image/webp";
            }

            if (form.SequenceEqual("WAVE"u8))
            {
                return "audio/wave";
            }

            if (form.SequenceEqual("AVI "u8))
            {
                return "video/avi";
            }
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }

        return FromText(head);
    }

    /// <summary>The name's type, else the content's.</summary>
    public static string Detect(string? fileName, ReadOnlySpan<byte> head) => FromName(fileName) ?? FromContent(head);

    private static string FromText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Text;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "text/plain; charset=utf-16be";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "text/plain; charset=utf-16le";
        }

        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)
        {
            start++;
        }

        var markup = Encoding.ASCII.GetString(head[start..Math.Min(head.Length, start + 16)]);
        foreach (var tag in HtmlTags)
        {
            if (markup.StartsWith(tag, StringComparison.OrdinalIgnoreCase) && markup.Length > tag.Length && markup[tag.Length] is ' ' or '>')
            {
                return "text/html; charset=utf-8";
            }
        }

        if (markup.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return "text/xml; charset=utf-8";
        }

        if (markup.StartsWith("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return "image/svg+xml";
        }

        foreach (var b in head)
        {
            // Binary data bytes (WHATWG MIME sniffing, "binary data byte").
            if (b <= 0x08 || b == 0x0B || b is >= 0x0E and <= 0x1A || b is >= 0x1C and <= 0x1F)
            {
                return Binary;
            }
        }

        return Text;
    }
}
