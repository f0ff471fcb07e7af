using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddAzureStorage_AzuriteConnectionString_ResolvesSingletonClientsThatAnswer()
    {
        await using var services = Build(("AzureWebJobsStorage", azurite.ConnectionString));

        var blob = services.GetRequiredService<IBlobStorage>();
        var table = services.GetRequiredService<ITableStorage>();
        var queue = services.GetRequiredService<IQueueStorage>();

        Assert.IsType<BlobStorageClient>(blob);
        Assert.Same(blob, services.GetRequiredService<IBlobStorage>());
        Assert.Same(table, services.GetRequiredService<ITableStorage>());
        await blob.PingAsync();
        await table.PingAsync();
        await queue.PingAsync();
    }

    [Fact]
    public async Task AddAzureStorage_GatewayStorageSection_BindsItsOwnPropertiesBesideOthers()
    {
        await using var services = Build(
            ("Gateway:Storage:ResourcePrefix", "fg"),
            ("Gateway:Storage:MaxRetries", "5"),
            ("Gateway:Storage:RetryDelay", "00:00:02"),
            ("Gateway:Storage:NetworkTimeout", "00:05:00"));

        var options = services.GetRequiredService<IOptions<AzureStorageOptions>>().Value;

        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), options.NetworkTimeout);
    }

    [Fact]
    public async Task AddAzureStorage_OutOfRangeOptions_FailStartupValidation()
    {
        await using var services = Build(("Gateway:Storage:MaxRetries", "50"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAzureStorage_NoStorageSetting_StartsButTheFirstClientFailsNamingTheSetting()
    {
        await using var services = Build();
        services.GetRequiredService<IStartupValidator>().Validate();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IBlobStorage>());

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAzureStorage_MalformedConnectionString_FailsOnFirstResolutionNamingTheSetting()
    {
        await using var services = Build(("AzureWebJobsStorage", "AccountName=acct;AccountKey=***"));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ITableStorage>());

        Assert.Contains("The AzureWebJobsStorage setting is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAzureStorage_IdentityBasedSetting_ResolvesWithoutTouchingTheNetwork()
    {
        await using var services = Build(("AzureWebJobsStorage:accountName", "acct"), ("AzureWebJobsStorage:credential", "managedidentity"));

        var blob = services.GetRequiredService<IBlobStorage>();

        Assert.False(blob.CanCreateSas);
        Assert.NotNull(services.GetRequiredService<IQueueStorage>());
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddAzureStorage(configuration).BuildServiceProvider(validateScopes: true);
    }
}
