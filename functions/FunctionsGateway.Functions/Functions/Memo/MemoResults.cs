using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>The MEMO surface's answers: its JSON bodies, its error envelope and the DID era's <c>{"error"}</c>.</summary>
internal static class MemoResults
{
    /// <summary>200 with a JSON body.</summary>
    public static IResult Json<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type, "application/json; charset=utf-8");

    /// <summary>
    /// A bare JSON string, as gin's <c>c.JSON(status, "…")</c> writes it: Go escapes only <c>&lt;</c>, <c>&gt;</c>
    /// and <c>&amp;</c>, so quotes and apostrophes stay as they are (System.Text.Json's default would write <c>\u0027</c>).
    /// </summary>
    public static IResult JsonString(string value, int status = StatusCodes.Status200OK) =>
        Results.Text(
            JsonSerializer.Serialize(value, GoStrings.String).Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal).Replace("&", "\\u0026", StringComparison.Ordinal),
            "application/json; charset=utf-8",
            statusCode: status);

    private static readonly MemoJsonContext GoStrings = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>200 with a bare JSON number.</summary>
    public static IResult JsonNumber(BigInteger value) =>
        Results.Text(value.ToString(CultureInfo.InvariantCulture), "application/json; charset=utf-8");

    /// <summary>The envelope <c>{"Code","Description","HTTPStatusCode"}</c> with the error's status.</summary>
    public static IResult Error(MemoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Json(new MemoErrorBody(error.Code, error.Description, error.Status), MemoJsonContext.Default.MemoErrorBody, "application/json; charset=utf-8", error.Status);
    }

    /// <summary>The envelope of a kind and detail.</summary>
    public static IResult Error(MemoErrorKind kind, string detail) => Error(new MemoError(kind, detail));

    /// <summary>
    /// A quota refusal as the original's own refusal of an upload its space does not cover (compat §2.6): 525
    /// <c>ControllerError</c>, <c>space not enough, have &lt;left&gt;, need &lt;asked&gt;</c>.
    /// </summary>
    public static MemoError QuotaRefusal(long remaining, long requested) =>
        new(MemoErrorKind.Controller, string.Create(CultureInfo.InvariantCulture, $"space not enough, have {remaining}, need {requested}"));

    /// <summary>The DID era's 401 <c>{"error":"…"}</c>.</summary>
    public static IResult DidError(string message) =>
        Results.Json(new MemoDidErrorBody(message), MemoJsonContext.Default.MemoDidErrorBody, "application/json; charset=utf-8", StatusCodes.Status401Unauthorized);
}

/// <summary>
/// The MEMO envelope for what the gateway's shared error handling answers under <c>/memo</c> (storage down, a
/// malformed request, an unexpected fault, an unknown route, a rate limit; a quota → 525 <c>ControllerError</c>): endpoint metadata on the route group
/// (<see cref="IErrorBodyWriter"/>). The status stays the gateway's (503 with <c>Retry-After</c> for storage).
/// </summary>
internal sealed class MemoErrorBodyWriter : IErrorBodyWriter
{
    public static readonly MemoErrorBodyWriter Instance = new();

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (code == QuotaCheck.Code)
        {
            // A refusal of the admission check (requests or egress): the original's 525, the gateway's sentence.
            var refusal = new MemoError(MemoErrorKind.Controller, message);
            response.StatusCode = refusal.Status;
            return response.WriteAsJsonAsync(
                new MemoErrorBody(refusal.Code, refusal.Description, refusal.Status), MemoJsonContext.Default.MemoErrorBody, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
        }

        var kind = status < 500 ? MemoErrorKind.InvalidRequest : code == "storage_unavailable" ? MemoErrorKind.DataBase : MemoErrorKind.Internal;
        var (_, memoCode, description) = MemoError.Describe(kind);
        response.StatusCode = status;
        return response.WriteAsJsonAsync(
            new MemoErrorBody(memoCode, description + " (" + message + ")", status), MemoJsonContext.Default.MemoErrorBody, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
    }
}
