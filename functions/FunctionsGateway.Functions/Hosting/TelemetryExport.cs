using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// OTLP export of the gateway's traces and metrics (<see cref="GatewayTelemetry"/>, ASP.NET Core's request activities
/// and <c>http.server.request.duration</c>) and of its logs with their scopes (<see cref="RequestLogScope"/>). Only
/// when <see cref="TelemetryOptions.OtlpEndpoint"/> is set is anything registered; the providers are built when the
/// host starts and flushed when it stops.
/// </summary>
internal static class TelemetryExport
{
    /// <summary>The ASP.NET Core sources exported beside the gateway's own.</summary>
    public static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static WebApplicationBuilder AddTelemetryExport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart(new TelemetryOptionsValidator(), TelemetryOptions.SectionName);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.IsEnabled || options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any())
        {
            // Off, or misconfigured: ValidateOnStart stops the host with the setting's name.
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
            logging.SetResourceBuilder(Resource(options));
            logging.AddOtlpExporter(o => Configure(o, options, "v1/logs"));
        });
        builder.Services.AddHostedService<TelemetryProviders>();
        return builder;
    }

    internal static ResourceBuilder Resource(TelemetryOptions options) => ResourceBuilder.CreateDefault().AddService(options.ServiceName);

    /// <summary>
    /// Points one signal's exporter at the collector. Over HTTP an endpoint set in code is used as it is, so the
    /// signal's path (<paramref name="signalPath"/>, e.g. <c>v1/traces</c>) is appended here, as the OTLP spec names it.
    /// </summary>
    internal static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, string signalPath)
    {
        var endpoint = new Uri(options.OtlpEndpoint!);
        if (options.OtlpProtocol == OtlpTransport.HttpProtobuf)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
    }

    /// <summary>Builds the tracer and meter providers at start and disposes (flushes) them at stop.</summary>
    internal sealed class TelemetryProviders(IOptions<TelemetryOptions> options) : IHostedService, IDisposable
    {
        private const int FlushTimeoutMilliseconds = 5_000;
        private TracerProvider? _tracer;
        private MeterProvider? _meter;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var o = options.Value;
            _tracer = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(Resource(o))
                .AddSource(GatewayTelemetry.Name, "Microsoft.AspNetCore")
                .AddOtlpExporter(e => Configure(e, o, "v1/traces"))
                .Build();
            _meter = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(Resource(o))
                .AddMeter([GatewayTelemetry.Name, .. AspNetCoreMeters])
                .AddOtlpExporter(e => Configure(e, o, "v1/metrics"))
                .Build();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Dispose();
            return Task.CompletedTask;
        }

        /// <summary>Flushes, then shuts the providers down, once. Stopping telemetry must never fail the host's stop: the
        /// SDK's own dispose has been seen to throw (a NullReferenceException inside <c>TracerProviderSdk.Dispose</c>)
        /// after its exporters had flushed, so a failure there is swallowed.</summary>
        public void Dispose()
        {
            Shutdown(Interlocked.Exchange(ref _tracer, null));
            Shutdown(Interlocked.Exchange(ref _meter, null));
        }

        private static void Shutdown(BaseProvider? provider)
        {
            if (provider is null)
            {
                return;
            }

            try
            {
                _ = provider switch
                {
                    TracerProvider tracer => tracer.ForceFlush(FlushTimeoutMilliseconds),
                    MeterProvider meter => meter.ForceFlush(FlushTimeoutMilliseconds),
                    _ => true,
                };
                provider.Dispose();
            }
            catch (Exception e) when (e is NullReferenceException or ObjectDisposedException or InvalidOperationException)
            {
                // Nothing to do at stop; the flush above already sent what there was.
            }
        }
    }
}

[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
