using FunctionsGateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Registers the Azure Storage clients (DESIGN.md §5).</summary>
public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="AzureStorageOptions"/> (section <c>Gateway:Storage</c>) on start, and registers
    /// <see cref="IBlobStorage"/>, <see cref="ITableStorage"/> and <see cref="IQueueStorage"/> as singletons.
    /// The <c>AzureWebJobsStorage</c> setting is read when the first client is resolved, not here, so that the
    /// process starts and answers a readiness ping without it; a missing or malformed setting then fails with a
    /// message naming it.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.SectionName)).ValidateOnStart(new AzureStorageOptionsValidator(), AzureStorageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageConnectionSettings.FromConfiguration(configuration));

        services.TryAddSingleton<IBlobStorage>(sp => new BlobStorageClient(Settings(sp), Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITableStorage>(sp => new TableStorageClient(Settings(sp), Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IQueueStorage>(sp => new QueueStorageClient(Settings(sp), Options(sp), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static StorageConnectionSettings Settings(IServiceProvider services) => services.GetRequiredService<StorageConnectionSettings>();

    private static AzureStorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
}
