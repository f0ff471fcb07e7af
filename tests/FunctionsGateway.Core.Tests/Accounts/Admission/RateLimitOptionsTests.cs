using FunctionsGateway.Core.Accounts.Admission;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Core.Tests.Accounts.Admission;

public sealed class RateLimitOptionsTests
{
    [Fact]
    public void LimitFor_RouteThenSurfaceThenDefault()
    {
        var options = Bind(new() { ["Gateway:RateLimits:Limits:FilesPut"] = "5", ["Gateway:RateLimits:Limits:kubo"] = "7", ["Gateway:RateLimits:DefaultLimit"] = "9" });

        Assert.Equal(5, options.LimitFor("FilesPut", "files"));
        Assert.Equal(7, options.LimitFor("KuboAdd", "kubo"));
        Assert.Equal(9, options.LimitFor("FilesGet", "files"));
        Assert.Equal(30, options.LimitFor("PsaListPins", "psa"));
        Assert.Equal(180, options.LimitFor("PsaAddPin", "psa"));
    }

    [Fact]
    public void Validate_NegativeLimit_NamesTheSetting()
    {
        var options = Bind(new() { ["Gateway:RateLimits:Limits:psa"] = "-1" });
        var result = new RateLimitOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Gateway:RateLimits:Limits:psa", result.FailureMessage, StringComparison.Ordinal);
    }

    private static RateLimitOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new RateLimitOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(RateLimitOptions.SectionName).Bind(options);
        return options;
    }
}
