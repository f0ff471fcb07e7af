using System.Globalization;
using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary><c>OPTIONS /uploads/tus/</c> → 204 with Tus-Version, Tus-Extension, Tus-Max-Size and Tus-Checksum-Algorithm.</summary>
internal static class GetTusCapabilities
{
    public const string Name = "TusOptions";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/", [HttpMethods.Options], Handle).AsFunction(Name).Produces(StatusCodes.Status204NoContent);

    private static IResult Handle(HttpContext context, TusUploadService tus)
    {
        var headers = context.Response.Headers;
        headers[TusProtocol.VersionHeader] = TusProtocol.Version;
        headers[TusProtocol.ExtensionHeader] = TusProtocol.Extensions;
        headers[TusProtocol.MaxSizeHeader] = tus.MaxSize.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.ChecksumAlgorithmHeader] = TusProtocol.ChecksumAlgorithms;
        return Results.NoContent();
    }
}
