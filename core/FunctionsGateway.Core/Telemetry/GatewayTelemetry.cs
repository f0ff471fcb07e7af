using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FunctionsGateway.Core.Telemetry;

/// <summary>
/// The gateway's own traces and metrics (OpenTelemetry semantic conventions for names and units): one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Without a listener (the
/// default: no OTLP endpoint configured) every activity is null and every instrument is disabled, so they cost a
/// field read. Request durations come from ASP.NET Core's own <c>http.server.request.duration</c>.
/// </summary>
public static class GatewayTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "FunctionsGateway";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Seconds per upload pipeline stage; tag <c>stage</c>: <c>stage</c> (body into the staged blob with hashing), <c>record</c> (record and enqueue).</summary>
    public static Histogram<double> UploadStageDuration { get; } =
        Meter.CreateHistogram<double>("gateway.upload.stage.duration", "s", "Duration of one stage of the upload pipeline.");

    /// <summary>Seconds per push attempt; tags <c>backend</c>, <c>outcome</c> (a <see cref="Uploads.PushOutcomeKind"/>, lowercase).</summary>
    public static Histogram<double> PushDuration { get; } =
        Meter.CreateHistogram<double>("gateway.push.duration", "s", "Duration of one push attempt to a backend.");

    /// <summary>Push attempts that failed and were scheduled again; tag <c>backend</c>.</summary>
    public static Counter<long> PushRetries { get; } =
        Meter.CreateCounter<long>("gateway.push.retries", "{retry}", "Push attempts that failed and were scheduled again.");

    /// <summary>Messages in a work queue (approximate, hidden ones included) as its worker last saw it; tag <c>queue</c>.</summary>
    public static Gauge<long> QueueDepth { get; } =
        Meter.CreateGauge<long>("gateway.queue.depth", "{message}", "Approximate number of messages in a work queue.");

    /// <summary>Seconds since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static double SecondsSince(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
}
