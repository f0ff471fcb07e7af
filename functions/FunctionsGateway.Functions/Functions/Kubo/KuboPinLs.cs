using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/pin/ls[?arg=&amp;type=&amp;names=&amp;stream=]</c>: the caller's pins,
/// <c>{"Keys":{"&lt;cid&gt;":{"Type":"recursive"}}}</c> (with <c>Name</c> when <c>names=true</c>), or one
/// <c>{"Cid","Type"}</c> line per pin with <c>stream=true</c>.
/// </summary>
internal static class KuboPinLs
{
    public const string Name = "KuboPinLs";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/pin/ls", HandleAsync).AsFunction(Name).Produces<KuboPinLsResponse>();

    private static Task<IResult> HandleAsync(HttpContext context, PinService pins, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (stream, options) =>
        {
            var names = options.Bool("names", false);
            var listed = pins.ListAsync(context.GetPrincipal().IdentityId, options.Arguments, options.String("type"), cancellationToken);
            if (options.Bool("stream", false))
            {
                await foreach (var pin in listed)
                {
                    await stream.WriteAsync(new KuboPinLsEntry(pin.Cid, names ? pin.Name : null, pin.Type), KuboJsonContext.Default.KuboPinLsEntry, cancellationToken);
                }

                return stream.Complete();
            }

            var keys = new Dictionary<string, KuboPinType>(StringComparer.Ordinal);
            await foreach (var pin in listed)
            {
                keys[pin.Cid] = new KuboPinType(pin.Type, names ? pin.Name : null);
            }

            return Results.Json(new KuboPinLsResponse(keys), KuboJsonContext.Default.KuboPinLsResponse);
        });
}
