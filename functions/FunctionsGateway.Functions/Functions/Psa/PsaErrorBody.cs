using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>
/// The Pinning Service API's <c>Failure</c> body for every <c>/psa</c> error, <c>{"error":{"reason":"…","details":"…"}}</c>:
/// the gateway's stable codes in the spec's upper-case style (<c>BAD_REQUEST</c>, <c>UNAUTHORIZED</c>, <c>NOT_FOUND</c>,
/// <c>RATE_LIMITED</c>, <c>STORAGE_UNAVAILABLE</c>, <c>INTERNAL_SERVER_ERROR</c>, …; a quota refusal is the spec's 409
/// <c>INSUFFICIENT_FUNDS</c>), the message as details.
/// </summary>
internal sealed class PsaErrorBody : IErrorBodyWriter
{
    public static readonly PsaErrorBody Instance = new();

    /// <summary>An error answer.</summary>
    public static IResult Result(int status, string reason, string details) =>
        Results.Json(new PsaFailure(new PsaFailureError(reason, details)), PsaJsonContext.Default.PsaFailure, statusCode: status);

    /// <summary>400 <c>BAD_REQUEST</c>.</summary>
    public static IResult BadRequest(string details) => Result(StatusCodes.Status400BadRequest, "BAD_REQUEST", details);

    /// <summary>404 <c>NOT_FOUND</c> for a request id the caller has no pin under.</summary>
    public static IResult PinNotFound(string requestId) =>
        Result(StatusCodes.Status404NotFound, "NOT_FOUND", $"No pin request with requestid '{requestId}'.");

    public Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        var reason = code switch
        {
            "internal_error" => "INTERNAL_SERVER_ERROR",
            QuotaCheck.Code => "INSUFFICIENT_FUNDS", // The spec's 409 reason (standards.md §1.1).
            _ => code.ToUpperInvariant(),
        };
        return response.WriteAsJsonAsync(new PsaFailure(new PsaFailureError(reason, message)), PsaJsonContext.Default.PsaFailure, "application/json", response.HttpContext.RequestAborted);
    }
}
