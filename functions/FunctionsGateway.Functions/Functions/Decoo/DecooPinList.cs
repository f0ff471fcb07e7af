using System.Globalization;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>GET /decoo/pinning/pinList?sort=ASC|DESC&amp;start-date=&amp;end-date=&amp;offset=&amp;limit=</c> →
/// <c>{"Count","Pins":[{"Id","PinHash","PinSize","PinDate","Metadata":{"name"}}]}</c>: the caller's pinned pins (limit
/// 1–1000, default 5; newest first unless <c>sort=ASC</c>).
/// </summary>
internal static class DecooPinList
{
    public const string Name = "DecooPinList";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/pinning/pinList", HandleAsync).AsFunction(Name).Produces<DecooPinListResponse>().Produces<DecooError>(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(HttpContext context, DecooPinService service, CancellationToken cancellationToken)
    {
        var query = DecooPinQuery.ForPinList(name => context.Request.Query[name].ToString());
        var (count, page) = await service.ListAsync(context.GetPrincipal().IdentityId, query, cancellationToken);
        var pins = page.Select(p => new DecooPin(
            p.RequestId,
            p.Pin.Cid,
            long.TryParse(p.Info.GetValueOrDefault(PinRequest.DagSizeKey), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0,
            DecooEnvelope.Date(p.Created),
            new DecooPinMetadata(p.Pin.Name))).ToList();
        return Results.Json(new DecooPinListResponse(count, pins), DecooJsonContext.Default.DecooPinListResponse);
    }
}
