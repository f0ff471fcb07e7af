using FunctionsGateway.Core.Configuration;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// The custom-handler launch contract (DESIGN.md §2, spec/azure.md §1.2): settings from the environment and
/// <c>local.settings.json</c>, Kestrel on <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c> (7071 when unset),
/// small bodies except on upload routes, Azurite in Development, and errors in the gateway's envelope.
/// </summary>
internal static class HandlerHosting
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public const int DefaultPort = 7071;

    public static WebApplicationBuilder AddHandlerHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLocalSettings();
        var port = ReadPort(builder.Configuration[PortSetting]);

        builder.Services.AddOptions<HandlerOptions>().Bind(builder.Configuration.GetSection(HandlerOptions.SectionName)).ValidateOnStart(new HandlerOptionsValidator(), HandlerOptions.SectionName);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HandlerOptions>>((kestrel, handler) =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = handler.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        // Binding failures surface as BadHttpRequestException, which the error middleware answers in the envelope.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<SurfaceErrorBodies>();
        builder.Services.AddHostedService<DevelopmentAzurite>();
        builder.AddTelemetryExport();
        return builder;
    }

    public static WebApplication UseHandlerHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLogScopeMiddleware>();
        app.UseMiddleware<GatewayExceptionMiddleware>();
        // Unknown routes, wrong methods and other empty error answers still get a body.
        app.UseStatusCodePages(context =>
        {
            var (code, message) = GatewayErrors.Describe(context.HttpContext.Response.StatusCode);
            return GatewayErrors.WriteForEndpointAsync(context.HttpContext, context.HttpContext.Response.StatusCode, code, message);
        });
        return app;
    }

    /// <summary>The port from <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; 7071 when unset.</summary>
    public static int ReadPort(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultPort;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{PortSetting} must be a TCP port number (1-65535); it is '{value}'.");
    }
}

[OptionsValidator]
internal sealed partial class HandlerOptionsValidator : IValidateOptions<HandlerOptions>;
