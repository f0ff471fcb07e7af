using FunctionsGateway.Core.Content;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Content;

[Collection(AzuriteCollection.Name)]
public sealed class ContentOptionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Validate_BadCidProfile_FailsNamingTheSetting()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Content:CidProfile"] = "cid-version=7" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ContentOptions>>().Value);

        Assert.Contains("Gateway:Content:CidProfile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Default_Kubo()
    {
        await using var services = GatewayServices.Create(azurite);
        Assert.Equal("unixfs-v0-2015", services.GetRequiredService<IOptions<ContentOptions>>().Value.CidProfile);
    }
}
