using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>GET /decoo/endpoint/list</c> → <c>[{"id":1,"name":"…","apiHost":"…"}, …]</c>: this gateway first (its
/// <c>/decoo</c> URL, or <c>Gateway__Decoo__PublicBaseUrl</c>), then the configured <c>Gateway__Decoo__Endpoints</c>.
/// </summary>
internal static class DecooEndpointList
{
    public const string Name = "DecooEndpointList";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/endpoint/list", Handle).AsFunction(Name).Produces<IReadOnlyList<DecooEndpoint>>();

    private static IResult Handle(HttpRequest request, IOptions<DecooOptions> options)
    {
        var o = options.Value;
        var self = string.IsNullOrEmpty(o.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}/decoo" : o.PublicBaseUrl.TrimEnd('/');
        IReadOnlyList<DecooEndpoint> list =
        [
            new DecooEndpoint(1, o.EndpointName, self),
            .. o.Endpoints.Select((e, i) => new DecooEndpoint(i + 2, e.Name!, e.ApiHost!.TrimEnd('/'))),
        ];
        return Results.Json(list, DecooJsonContext.Default.IReadOnlyListDecooEndpoint);
    }
}
