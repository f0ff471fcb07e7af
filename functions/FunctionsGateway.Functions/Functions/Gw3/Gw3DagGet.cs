using System.Buffers;
using System.Text.Json;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Ipfs;
using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>GET|POST /gw3/api/v0/dag/get?arg=&lt;cid&gt;[/path]&amp;ts=</c>: the node in DAG-JSON as Kubo prints it
/// (<c>{"Data":{"/":{"bytes":…}},"Links":[{"Hash":{"/":cid},"Name","Tsize"}]}</c>); dag-pb and raw blocks held here.
/// </summary>
internal static class Gw3DagGet
{
    public const string Name = "Gw3DagGet";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/api/v0/dag/get", [HttpMethods.Get, HttpMethods.Post], HandleAsync).AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(HttpContext context, IpfsContentResolver resolver, CancellationToken cancellationToken)
    {
        var arg = context.Request.Query["arg"].ToString();
        if (arg.Length == 0)
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "argument \"ref\" is required");
        }

        if (!IpfsPath.TryParse(arg, out var path, out var error))
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, error);
        }

        var content = await resolver.ResolveAsync(path, readerId: null, cancellationToken);
        if (!content.Found)
        {
            throw content.Kind == IpfsContentKind.Unsupported ? new RpcRequestException(content.Message!) : RpcRequestException.NotFound(content.Message!);
        }

        if (content.Kind == IpfsContentKind.PendingFile)
        {
            return Gw3Envelope.Error(StatusCodes.Status503ServiceUnavailable, $"the blocks of {content.Terminal} are not stored yet (its upload is being pushed); retry later");
        }

        if (!DagPbJsonWriter.CanWrite(content.Terminal))
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, $"{content.Terminal}: only dag-pb and raw nodes are rendered by this gateway");
        }

        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            DagPbJsonWriter.Write(writer, content.Terminal, content.Block);
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }
}
