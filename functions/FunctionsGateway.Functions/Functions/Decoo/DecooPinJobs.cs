using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>GET /decoo/pinning/pinJobs?pin-hash=&amp;sort=&amp;status=&amp;offset=&amp;limit=</c> → <c>{"Count","Jobs":[{"Id","Status",
/// "PinHash"}]}</c>: the caller's pin jobs (<c>pinFile</c>'s and <c>pinByHash</c>'s), Status one of queued, pinning,
/// pinned, failed.
/// </summary>
internal static class DecooPinJobs
{
    public const string Name = "DecooPinJobs";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/pinning/pinJobs", HandleAsync).AsFunction(Name).Produces<DecooPinJobsResponse>().Produces<DecooError>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, DecooPinService service, CancellationToken cancellationToken)
    {
        var query = DecooPinQuery.ForPinJobs(name => context.Request.Query[name].ToString());
        var (count, page) = await service.ListAsync(context.GetPrincipal().IdentityId, query, cancellationToken);
        var jobs = page.Select(p => new DecooPinJob(p.RequestId, p.Status.ToWire(), p.Pin.Cid)).ToList();
        return Results.Json(new DecooPinJobsResponse(count, jobs), DecooJsonContext.Default.DecooPinJobsResponse);
    }
}
