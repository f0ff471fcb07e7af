using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Telemetry;
using FunctionsGateway.Core.Tests.Uploads;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Telemetry;

/// <summary>
/// The gateway's activities and instruments seen by in-test listeners, as an OpenTelemetry SDK would see them. The
/// listeners are process-wide, so each test looks only at what carries its own file id, backend or queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GatewayTelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener = new();
    private readonly MeterListener _meterListener = new();
    private readonly AzuriteFixture _azurite;

    public GatewayTelemetryTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _activityListener.ShouldListenTo = source => source.Name == GatewayTelemetry.Name;
        _activityListener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _activityListener.ActivityStopped = _activities.Enqueue;
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.Start();
    }

    [Fact]
    public async Task UploadThenPush_Listening_StageActivitiesAndDurationsTaggedWithStageAndOutcome()
    {
        await using var services = GatewayServices.Create(_azurite);
        var record = await PushProcessorTests.UploadAsync(services, new byte[5000]);
        var names = services.GetRequiredService<StorageNames>();
        var queues = services.GetRequiredService<FunctionsGateway.Core.Storage.Azure.IQueueStorage>();
        var message = Assert.Single(await queues.ReceiveAsync(names.PushQueue, 32, TimeSpan.FromMinutes(5)));

        await services.GetRequiredService<PushProcessor>().ProcessAsync(message.Text, 1);

        var mine = _activities.Where(a => (string?)a.GetTagItem("gateway.file.id") == record.Id).Select(a => a.OperationName).ToList();
        Assert.Equal(["upload stage", "upload record", "push"], mine);
        Assert.Contains(_measurements, m => m is { Instrument: "gateway.upload.stage.duration", Value: >= 0 } && (string?)m.Tags["stage"] == "stage");
        Assert.Contains(_measurements, m => m.Instrument == "gateway.upload.stage.duration" && (string?)m.Tags["stage"] == "record");
        Assert.Contains(_measurements, m => m.Instrument == "gateway.push.duration" && (string?)m.Tags["backend"] == "local" && (string?)m.Tags["outcome"] == "stored");
    }

    [Fact]
    public async Task HostedWorker_BackendDown_RetryCountedAndQueueDepthRecorded()
    {
        await using var services = GatewayServices.Create(
            _azurite,
            new Dictionary<string, string?> { ["Gateway:Uploads:PushWorker"] = "On" },
            s => s.AddSingleton<IStorageBackend>(new UnreachableBackend()));
        var record = await PushProcessorTests.UploadAsync(services, new byte[10], UnreachableBackend.BackendName);
        var names = services.GetRequiredService<StorageNames>();

        Assert.Equal(1, await services.GetRequiredService<HostedPushWorker>().RunOnceAsync(CancellationToken.None));

        var push = Assert.Single(_activities, a => (string?)a.GetTagItem("gateway.file.id") == record.Id && a.OperationName == "push");
        Assert.Equal(ActivityStatusCode.Error, push.Status);
        Assert.Contains(_measurements, m => m is { Instrument: "gateway.push.retries", Value: 1 } && (string?)m.Tags["backend"] == UnreachableBackend.BackendName);
        // The one message, received and hidden, still counts.
        Assert.Contains(_measurements, m => m is { Instrument: "gateway.queue.depth", Value: 1 } && (string?)m.Tags["queue"] == names.PushQueue);
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tag) in tags)
        {
            copy[key] = tag;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
