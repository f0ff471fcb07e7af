using FunctionsGateway.Core.Accounts.Quotas;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Core.Tests.Accounts.Quotas;

public sealed class QuotaOptionsTests
{
    [Fact]
    public void Validate_Defaults_MeteredMonthly()
    {
        var options = new QuotaOptions();

        Assert.True(new QuotaOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
        Assert.Equal(QuotaPeriod.Month, options.Period);
    }

    [Fact]
    public void Validate_PeriodOutOfRange_FailsNamingTheSetting()
    {
        var result = new QuotaOptionsValidator().Validate(null, new QuotaOptions { Period = (QuotaPeriod)7 });

        Assert.True(result.Failed);
        Assert.Contains("Gateway:Quotas:Period", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DayPeriod_Bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Quotas:Period"] = "Day", ["Gateway:Quotas:Enabled"] = "false" }).Build();
        var options = configuration.GetSection(QuotaOptions.SectionName).Get<QuotaOptions>()!;

        Assert.Equal((QuotaPeriod.Day, false), (options.Period, options.Enabled));
    }
}
