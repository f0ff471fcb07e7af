using FunctionsGateway.Core.Storage;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Platform;

/// <summary>
/// <c>GET /health</c>: 200 when Blob, Table and Queue storage all answer; 503 with <c>Retry-After</c> and
/// the failing service otherwise. Public: it names services, never accounts or keys.
/// </summary>
internal static class GetHealth
{
    public const string Name = "Health";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", HandleAsync).AsFunction(Name)
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(HttpContext context, StorageHealthCheck health, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var body = new HealthResponse(
            report.Healthy ? "healthy" : "unhealthy",
            report.Services.ToDictionary(s => s.Service, s => new ServiceHealthResponse(s.Reachable, s.ElapsedMilliseconds, s.Reason), StringComparer.Ordinal));
        if (!report.Healthy)
        {
            context.Response.Headers.RetryAfter = GatewayExceptionMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(body, PlatformJsonContext.Default.HealthResponse, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
