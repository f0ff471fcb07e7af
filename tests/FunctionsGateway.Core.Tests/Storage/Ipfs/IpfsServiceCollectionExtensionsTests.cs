using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Ipfs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Ipfs;

public sealed class IpfsServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AddIpfsBackend_NoApiUrl_NoBackendRegistered(string? apiUrl)
    {
        using var services = Build(new() { ["Gateway:Ipfs:ApiUrl"] = apiUrl });

        Assert.Null(services.GetService<KuboRpcClient>());
        Assert.Empty(services.GetServices<IStorageBackend>());
        Assert.False(services.GetRequiredService<IOptions<IpfsOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void AddIpfsBackend_ApiUrl_ClientAndBackendWithRpcBase()
    {
        using var services = Build(new() { ["Gateway:Ipfs:ApiUrl"] = "http://127.0.0.1:5001/", ["Gateway:Ipfs:Authorization"] = "Bearer x" });

        Assert.Equal("ipfs", Assert.Single(services.GetServices<IStorageBackend>()).Name);
        Assert.Equal(new Uri("http://127.0.0.1:5001/api/v0/"), services.GetRequiredService<KuboRpcClient>().BaseAddress);
    }

    [Theory]
    [InlineData("Gateway:Ipfs:ApiUrl", "127.0.0.1:5001", "Gateway:Ipfs:ApiUrl")]
    [InlineData("Gateway:Ipfs:ApiUrl", "ftp://node/", "Gateway:Ipfs:ApiUrl")]
    [InlineData("Gateway:Ipfs:ApiUrl", "http://node:5001/?x=1", "Gateway:Ipfs:ApiUrl")]
    // The [Range] checks, worded after the setting by SettingNamingValidator.
    [InlineData("Gateway:Ipfs:MaxRetries", "11", "Gateway:Ipfs:MaxRetries (Gateway__Ipfs__MaxRetries)")]
    [InlineData("Gateway:Ipfs:RequestTimeout", "00:00:00", "Gateway:Ipfs:RequestTimeout (Gateway__Ipfs__RequestTimeout)")]
    [InlineData("Gateway:Ipfs:UploadTimeout", "2.00:00:00", "Gateway:Ipfs:UploadTimeout (Gateway__Ipfs__UploadTimeout)")]
    public void Options_BadSetting_ValidationNamesIt(string key, string value, string named)
    {
        using var services = Build(new() { ["Gateway:Ipfs:ApiUrl"] = "http://127.0.0.1:5001", [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IpfsOptions>>().Value);

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIpfsBackend(configuration);
        return services.BuildServiceProvider();
    }
}
