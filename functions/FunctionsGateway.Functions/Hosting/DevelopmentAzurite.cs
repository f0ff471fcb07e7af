using FunctionsGateway.Core.Storage.Emulator;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// In Development, when <c>AzureWebJobsStorage</c> is <c>UseDevelopmentStorage=true</c> and nothing answers on
/// the emulator's Blob port, starts Azurite from the repository's pinned npm packages (installing them on
/// first use) with its data in <c>.azurite/</c>, and stops it when the handler stops. Anywhere else it does nothing.
/// </summary>
internal sealed partial class DevelopmentAzurite(IConfiguration configuration, IHostEnvironment environment, ILogger<DevelopmentAzurite> logger) : IHostedService
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment()
            || !string.Equals(configuration["AzureWebJobsStorage"]?.Replace(" ", "", StringComparison.Ordinal).TrimEnd(';'), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || await AzuriteProcess.IsListeningAsync(10000, cancellationToken))
        {
            return;
        }

        var tool = FindTool(environment.ContentRootPath) ?? FindTool(AppContext.BaseDirectory);
        if (tool is null)
        {
            LogNoTool(logger);
            return;
        }

        var location = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(tool))!, ".azurite");
        LogStarting(logger, location);
        _azurite = await AzuriteProcess.StartAsync(new AzuriteLaunchOptions { ToolDirectory = tool, Location = location }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    /// <summary>The <c>tools/azurite</c> folder of the repository above <paramref name="start"/>.</summary>
    private static string? FindTool(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var tool = Path.Combine(dir.FullName, "tools", "azurite");
            if (File.Exists(Path.Combine(tool, "package.json")))
            {
                return tool;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Azurite for development storage, data in {Location}")]
    private static partial void LogStarting(ILogger logger, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No emulator answers and tools/azurite was not found: start Azurite yourself")]
    private static partial void LogNoTool(ILogger logger);
}
