namespace FunctionsGateway.Core.Storage.Emulator;

/// <summary>Where and how to start Azurite (spec/azure.md §5.2).</summary>
public sealed record AzuriteLaunchOptions
{
    /// <summary>The folder holding the pinned <c>package.json</c> and lock file (the repository's <c>tools/azurite</c>).</summary>
    public required string ToolDirectory { get; init; }

    /// <summary>The data folder (<c>--location</c>).</summary>
    public required string Location { get; init; }

    public int BlobPort { get; init; } = 10000;

    public int QueuePort { get; init; } = 10001;

    public int TablePort { get; init; } = 10002;

    /// <summary>How long to wait for the three ports to accept connections. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
