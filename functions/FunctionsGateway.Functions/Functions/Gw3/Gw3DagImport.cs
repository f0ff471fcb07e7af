using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>POST /gw3/api/v0/dag/import?size=&amp;ts=</c>: step one of a CAR import → <c>data.url</c>; the CAR POSTed there is verified
/// block by block, stored and its roots pinned, answered with <c>{"Stats":{"BlockCount","BlockBytesCount"}}</c>.
/// </summary>
internal static class Gw3DagImport
{
    public const string Name = "Gw3DagImport";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v0/dag/import", (HttpContext context, Gw3ContentService service) => Gw3TwoStep.Begin(context, service, Gw3UploadOperation.DagImport))
            .AsFunction(Name)
            .Produces<Gw3Response<Gw3UrlData>>();
}
