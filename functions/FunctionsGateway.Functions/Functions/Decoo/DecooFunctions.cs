using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// The Decoo surface (spec/compat.md §3) under <c>/decoo</c>, the cloud and the endpoint routes under one prefix: the
/// cloud's (<c>ping</c>, <c>endpoint/list</c>, <c>oauth/accessToken</c>, <c>pinning/pinList</c>, <c>pinning/pinJobs</c>)
/// take an API key (<c>Authorization: Bearer</c>, <see cref="DecooApiKeyScheme"/>), the endpoint's (<c>pinning/pinFile</c>,
/// <c>pinning/pinByHash</c>) an access token (<c>UserAccessToken</c>, <see cref="DecooAccessTokenScheme"/>). Errors in
/// Decoo's body (<see cref="DecooEnvelope"/>); the admission checks (rate limits) as surface <c>decoo</c>.
/// </summary>
internal static class DecooFunctions
{
    public const string Surface = "decoo";

    public static IEndpointRouteBuilder MapDecooFunctions(this IEndpointRouteBuilder routes)
    {
        var cloud = routes.MapGroup("/decoo").WithTags("Decoo").WithMetadata(DecooEnvelope.Instance)
            .RequireScheme<RouteGroupBuilder, DecooApiKeyScheme>("Bearer")
            .RequireAdmission(Surface);
        cloud.AddEndpointFilter(DecooEnvelope.MapFailuresAsync);
        DecooPing.Map(cloud);
        DecooEndpointList.Map(cloud);
        DecooAccessToken.Map(cloud);
        DecooPinList.Map(cloud);
        DecooPinJobs.Map(cloud);

        var endpoint = routes.MapGroup("/decoo").WithTags("Decoo").WithMetadata(DecooEnvelope.Instance)
            .RequireScheme<RouteGroupBuilder, DecooAccessTokenScheme>(DecooAccessTokenScheme.HeaderName)
            .RequireAdmission(Surface);
        endpoint.AddEndpointFilter(DecooEnvelope.MapFailuresAsync);
        DecooPinFile.Map(endpoint);
        DecooPinByHash.Map(endpoint);
        return routes;
    }
}
