using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>POST /ops/cess/space</c> body: <c>action</c> is <c>buy</c>, <c>upgrade</c> or <c>renewal</c> (the original's CLI verbs).</summary>
internal sealed record CessSpaceRequest(string? Action, uint? Gib, uint? Days);

/// <summary>The gateway account's territory; spaces in bytes as decimal strings (u128), start and deadline as block numbers.</summary>
internal sealed record CessSpaceResponse(
    string Account,
    string Territory,
    string TotalSpace,
    string UsedSpace,
    string LockedSpace,
    string RemainingSpace,
    uint Start,
    uint Deadline,
    string State)
{
    public static CessSpaceResponse From(CessAccount account, TerritoryInfo territory) => new(
        account.Address,
        account.Territory,
        territory.TotalSpace.ToString(CultureInfo.InvariantCulture),
        territory.UsedSpace.ToString(CultureInfo.InvariantCulture),
        territory.LockedSpace.ToString(CultureInfo.InvariantCulture),
        territory.RemainingSpace.ToString(CultureInfo.InvariantCulture),
        territory.Start,
        territory.Deadline,
        JsonNamingPolicy.CamelCase.ConvertName(territory.State.ToString()));
}

/// <summary>The answer to a space transaction: where it was included and the territory afterwards.</summary>
internal sealed record CessSpaceChangeResponse(string Action, string TransactionHash, string BlockHash, uint BlockNumber, CessSpaceResponse? Space);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CessSpaceRequest))]
[JsonSerializable(typeof(CessSpaceResponse))]
[JsonSerializable(typeof(CessSpaceChangeResponse))]
internal sealed partial class CessSpaceJsonContext : JsonSerializerContext;

/// <summary>The failures of <c>/ops/cess/space</c> in the gateway's envelope, in one place.</summary>
internal static class CessSpaceErrors
{
    public static IResult NotConfigured() => GatewayErrors.Problem(StatusCodes.Status409Conflict, "cess_not_configured",
        "CESS is not configured: set Gateway:Cess:Rpc:Endpoint, Gateway:Cess:AccountSeed and Gateway:Cess:Territory.");

    public static IResult NoTerritory(string territory) =>
        GatewayErrors.Problem(StatusCodes.Status404NotFound, "no_territory", $"The gateway account has no territory '{territory}'; buy one first.");

    public static IResult Refused(string error) =>
        GatewayErrors.Problem(StatusCodes.Status409Conflict, "chain_refused", $"The chain refused the transaction: {error}.");

    /// <summary>The chain did not answer or rejected the transaction before it was included: 503 with <c>Retry-After</c>.</summary>
    public static IResult Unavailable(HttpContext context, SubstrateRpcException exception)
    {
        context.Response.Headers.RetryAfter = GatewayExceptionMiddleware.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return GatewayErrors.Problem(StatusCodes.Status503ServiceUnavailable, "chain_unavailable", $"The CESS chain failed the request ({exception.Kind}); try again later.");
    }
}
