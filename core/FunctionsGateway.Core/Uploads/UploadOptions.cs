using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Uploads;

/// <summary>The upload pipeline's settings (DESIGN.md §4), section <c>Gateway:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Gateway:Uploads";

    /// <summary>Bytes per staged block (one Put Block each). Default 4 MiB; 64 KiB – 100 MiB.</summary>
    [Range(64 * 1024, 100 * 1024 * 1024, ErrorMessage = "Gateway:Uploads:BlockSizeBytes must be between 65536 and 104857600.")]
    public int BlockSizeBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest file one upload may carry. Default 10 GiB; larger bodies get 413.</summary>
    [Range(1L, 190L * 1024 * 1024 * 1024 * 1024, ErrorMessage = "Gateway:Uploads:MaxFileBytes must be between 1 and 190 TiB.")]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Push attempts before a file is marked failed and its message goes to the poison queue.
    /// Default 5, the Functions host's <c>maxDequeueCount</c> in host.json.</summary>
    [Range(1, 100, ErrorMessage = "Gateway:Uploads:PushMaxAttempts must be between 1 and 100.")]
    public int PushMaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubles per attempt up to <see cref="PushMaxDelay"/>. Default 5 s.</summary>
    public TimeSpan PushBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts. Default 5 min.</summary>
    public TimeSpan PushMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a received push stays invisible to other workers while it runs. Default 10 min.</summary>
    public TimeSpan PushVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether this process polls the push queue itself: <c>Auto</c> (default) polls unless the Functions
    /// host runs it (which delivers pushes through the queue trigger), <c>On</c> always, <c>Off</c> never.
    /// </summary>
    public PushWorkerMode PushWorker { get; set; } = PushWorkerMode.Auto;

    /// <summary>How long the hosted poller waits when the queue is empty. Default 1 s.</summary>
    public TimeSpan PushPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>See <see cref="UploadOptions.PushWorker"/>.</summary>
public enum PushWorkerMode
{
    Auto,
    On,
    Off,
}
