using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

[Collection(AzuriteCollection.Name)]
public sealed class MefsServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddGatewayCore_NoEndpoint_NoMefsBackend()
    {
        await using var services = GatewayServices.Create(azurite);

        Assert.Null(services.GetRequiredService<StorageBackendRegistry>().Find(MefsBackend.BackendName));
    }

    [Fact]
    public async Task AddGatewayCore_DefaultMefsWithoutEndpoint_FailsNamingTheBackends()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Backend:Default"] = "mefs" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StorageBackendRegistry>());
        Assert.Contains("'mefs'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGatewayCore_Endpoint_MefsBackendIsTheDefault()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?>
        {
            ["Gateway:Backend:Default"] = "mefs",
            ["Gateway:Mefs:Endpoint"] = "http://127.0.0.1:9/",
            ["Gateway:Mefs:AccessKey"] = "a",
            ["Gateway:Mefs:SecretKey"] = "s",
        });

        var registry = services.GetRequiredService<StorageBackendRegistry>();

        Assert.IsType<MefsBackend>(registry.Default);
        Assert.Same(registry.Default, registry.Find("MEFS"));
    }

    [Fact]
    public async Task AddGatewayCore_EndpointWithoutKeys_OptionsFailNamingTheSetting()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Mefs:Endpoint"] = "http://127.0.0.1:9/" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MefsOptions>>().Value);
        Assert.Contains("Gateway:Mefs:SecretKey", failure.Message, StringComparison.Ordinal);
    }
}
