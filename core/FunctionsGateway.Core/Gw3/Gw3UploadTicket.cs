using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Core.Gw3;

/// <summary>What a two-step write does with the body posted to its upload URL.</summary>
public enum Gw3UploadOperation
{
    /// <summary><c>POST /gw3/ipfs/</c>: add the body as a file.</summary>
    Add,

    /// <summary><c>PUT /gw3/ipfs/{root}/{path}</c>: add the body as a file and link it at the path, giving a new root.</summary>
    Put,

    /// <summary><c>DELETE /gw3/ipfs/{root}/{path}</c>: unlink the path, giving a new root (the body is ignored).</summary>
    Delete,

    /// <summary><c>/gw3/api/v0/dag/import</c>: import the body as a CAR.</summary>
    DagImport,
}

/// <summary>
/// The signed arguments of a two-step write's upload URL (spec/compat.md §4.2 allows "its own opaque signed upload URL"):
/// <c>sargs</c> = base64url(JSON of this record), <c>ssig</c> = base64url(HMAC-SHA256(<see cref="Gw3KeyRing.UploadUrlKey"/>,
/// "gw3 upload\n" + sargs)). Self-contained, so any instance can honour a URL another issued; short-lived
/// (<see cref="Gw3Options.UploadUrlLifetime"/>). Pure: the clock is an argument.
/// </summary>
public sealed record Gw3UploadTicket(
    [property: JsonPropertyName("op")] Gw3UploadOperation Operation,
    [property: JsonPropertyName("o")] string OwnerId,
    [property: JsonPropertyName("c")] string CredentialId,
    [property: JsonPropertyName("s")] long? Size,
    [property: JsonPropertyName("r")] string? Root,
    [property: JsonPropertyName("p")] string? Path,
    [property: JsonPropertyName("e")] long ExpiresAt)
{
    /// <summary>Encodes and signs the ticket: the <c>sargs</c> and <c>ssig</c> query values.</summary>
    public (string Args, string Signature) Encode(ReadOnlySpan<byte> key)
    {
        var args = Gw3RequestSignature.ToBase64Url(JsonSerializer.SerializeToUtf8Bytes(this, Gw3TicketJsonContext.Default.Gw3UploadTicket)).TrimEnd('=');
        return (args, Sign(key, args));
    }

    /// <summary>Checks and reads a ticket; false with the reason when the signature is wrong, it is malformed or it has expired.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> key, string? args, string? signature, DateTimeOffset now, [NotNullWhen(true)] out Gw3UploadTicket? ticket, [NotNullWhen(false)] out string? error)
    {
        ticket = null;
        if (string.IsNullOrEmpty(args) || string.IsNullOrEmpty(signature))
        {
            error = "the upload URL lacks sargs or ssig";
            return false;
        }

        Gw3RequestSignature.TryDecodeBase64(Sign(key, args), out var expected);
        if (!Gw3RequestSignature.TryDecodeBase64(signature, out var presented) || !CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            error = "the upload URL's signature is not valid";
            return false;
        }

        try
        {
            ticket = Gw3RequestSignature.TryDecodeBase64(args, out var json)
                ? JsonSerializer.Deserialize(json, Gw3TicketJsonContext.Default.Gw3UploadTicket)
                : null;
        }
        catch (JsonException)
        {
            ticket = null;
        }

        if (ticket is null)
        {
            error = "the upload URL's arguments are malformed";
            return false;
        }

        if (now.ToUnixTimeSeconds() > ticket.ExpiresAt)
        {
            ticket = null;
            error = "the upload URL has expired";
            return false;
        }

        error = null;
        return true;
    }

    private static string Sign(ReadOnlySpan<byte> key, string args) =>
        Gw3RequestSignature.ToBase64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("gw3 upload\n" + args))).TrimEnd('=');
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Gw3UploadTicket))]
internal sealed partial class Gw3TicketJsonContext : JsonSerializerContext;
