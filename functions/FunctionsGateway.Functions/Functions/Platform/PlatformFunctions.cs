namespace FunctionsGateway.Functions.Functions.Platform;

/// <summary>The gateway's own platform routes: the readiness ping, health and the OpenAPI document.</summary>
internal static class PlatformFunctions
{
    public static WebApplication MapPlatformFunctions(this WebApplication app)
    {
        // The Functions host polls GET / until the handler answers (spec/azure.md §1.2); not a function itself.
        app.MapGet("/", () => Results.Ok()).ExcludeFromDescription();
        GetHealth.Map(app);
        GetOpenApiDocument.Map(app);
        return app;
    }
}
