using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Platform;

/// <summary><c>GET /openapi/v1.json</c>: the OpenAPI document of every HTTP function (Microsoft.AspNetCore.OpenApi).</summary>
internal static class GetOpenApiDocument
{
    public const string Name = "OpenApiDocument";

    public const string Route = "/openapi/v1.json";

    public static void Map(WebApplication app) => app.MapOpenApi(Route).AsFunction(Name);
}
