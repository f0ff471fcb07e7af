using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>POST /gw3/api/v0/folder/operation?ts=</c> with <c>{"cid","add":[["name","cid"],…],"remove":["name",…],"pin_new","unpin_old"}</c>
/// → <c>data: {"cid":"&lt;new root&gt;"}</c>: removes, then adds, entries of a UnixFS directory held here.
/// </summary>
internal static class Gw3FolderOperation
{
    public const string Name = "Gw3FolderOperation";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v0/folder/operation", HandleAsync).AsFunction(Name).Produces<Gw3Response<Gw3CidData>>();

    private static async Task<IResult> HandleAsync(HttpContext context, Gw3ContentService service, CancellationToken cancellationToken)
    {
        Gw3FolderOperationRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync(Gw3JsonContext.Default.Gw3FolderOperationRequest, cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "the body is not the JSON of a folder operation");
        }

        if (body?.Cid is not { Length: > 0 } root)
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "cid is required");
        }

        if (body.Add?.Any(pair => pair is not { Count: 2 }) == true)
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "each entry of add must be [name, cid]");
        }

        var add = (body.Add ?? []).Select(pair => (pair[0], pair[1])).ToArray();
        var cid = await service.ApplyFolderOperationAsync(context.GetPrincipal().IdentityId, root, add, body.Remove ?? [], body.PinNew, body.UnpinOld, cancellationToken);
        return Gw3Envelope.Ok(new Gw3CidData(cid.ToString()), Gw3JsonContext.Default.Gw3ResponseGw3CidData);
    }
}
