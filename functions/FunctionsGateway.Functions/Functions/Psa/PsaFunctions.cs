using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>
/// The IPFS Pinning Service API v1.0.0 (spec/standards.md §1) at <c>/psa</c>, the base URL for Kubo's
/// <c>ipfs pin remote service add NAME https://host/psa TOKEN</c>: the files API's bearer tokens, pins per identity,
/// the spec's <c>Failure</c> body for every error, rate limits per identity and route with <c>x-ratelimit-*</c> headers.
/// </summary>
internal static class PsaFunctions
{
    public const string Surface = "psa";

    public static IEndpointRouteBuilder MapPsaFunctions(this IEndpointRouteBuilder routes)
    {
        var psa = routes.MapGroup("/psa").WithTags("Pinning Service API").WithMetadata(PsaErrorBody.Instance)
            .RequireScheme<RouteGroupBuilder, BearerTokenScheme>("Bearer")
            .RequireAdmission(Surface);
        psa.AddEndpointFilter(async (context, next) =>
        {
            if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<PinOptions>>().Value.HasDelegates)
            {
                return PsaErrorBody.Result(StatusCodes.Status503ServiceUnavailable, "NOT_CONFIGURED",
                    "This gateway has no delegates to answer: an operator must set Gateway__Pins__Delegates.");
            }

            try
            {
                return await next(context);
            }
            catch (PinRequestException e)
            {
                return PsaErrorBody.BadRequest(e.Message);
            }
        });
        PsaListPins.Map(psa);
        PsaAddPin.Map(psa);
        PsaGetPin.Map(psa);
        PsaReplacePin.Map(psa);
        PsaRemovePin.Map(psa);
        PsaOtherRequests.Map(routes.MapGroup("/psa").WithTags("Pinning Service API").WithMetadata(PsaErrorBody.Instance));
        return routes;
    }

    /// <summary>A request as a <c>PinStatus</c> with this gateway's delegates.</summary>
    public static PsaPinStatus Status(HttpContext context, PinRequest request) =>
        PsaPinStatus.From(request, context.RequestServices.GetRequiredService<IOptions<PinOptions>>().Value.EffectiveDelegates);
}
