using FunctionsGateway.Core.Ipfs.Rpc;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Kubo;

/// <summary>
/// <c>POST /api/v0/add</c>: multipart file parts, each streamed through the upload pipeline as public content with
/// the request's CID options; one <c>{"Name","Hash","Size"}</c> line per file as soon as it is durable (progress lines
/// between them with <c>progress=true</c>), directories after their entries, the wrapping directory last.
/// </summary>
internal static class KuboAdd
{
    public const string Name = "KuboAdd";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/add", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Produces<KuboAddEvent>(StatusCodes.Status200OK, "application/json");

    private static Task<IResult> HandleAsync(HttpContext context, ContentAdder adder, CancellationToken cancellationToken) =>
        KuboEventStream.RunAsync(context, async (stream, options) =>
        {
            var parameters = AddParameters.Parse(options);
            await adder.AddAsync(
                context.GetPrincipal().IdentityId,
                MultipartFileReader.Create(context.Request.ContentType, context.Request.Body),
                parameters,
                options.String("pin-name"),
                (e, ct) => stream.WriteAsync(KuboAddEvent.From(e), KuboJsonContext.Default.KuboAddEvent, ct),
                cancellationToken);
            return stream.Complete();
        });
}
