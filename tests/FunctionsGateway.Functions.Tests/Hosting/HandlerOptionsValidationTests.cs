using FunctionsGateway.Core.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>DESIGN.md §8: every option class is validated at start-up and fails with a message naming the setting.</summary>
public sealed class HandlerOptionsValidationTests
{
    [Fact]
    public void Start_SettingsOutOfRange_FailsNamingEachAppSetting()
    {
        using var app = new Handler(new()
        {
            ["Gateway:Uploads:BlockSizeBytes"] = "1",
            ["Gateway:Ipfs:MaxRetries"] = "99",
            ["Gateway:LargeUploads:TusPatchTimeLimit"] = "-00:00:01",
            ["Gateway:Telemetry:OtlpEndpoint"] = "collector:4317",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var failures = Flatten(error).OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.StartsWith("Gateway:Uploads:BlockSizeBytes (Gateway__Uploads__BlockSizeBytes) must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:Ipfs:MaxRetries (Gateway__Ipfs__MaxRetries) must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:Telemetry:OtlpEndpoint (Gateway__Telemetry__OtlpEndpoint) must be an absolute http or https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Services_EveryGatewayOptionsValidator_NamesTheSetting()
    {
        IServiceCollection? registered = null;
        using var app = new Handler(new(), services => registered = services);
        _ = app.Server;

        var validators = registered!
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Where(d => ((d.ImplementationInstance?.GetType() ?? d.ImplementationType)?.Namespace ?? "").StartsWith("FunctionsGateway", StringComparison.Ordinal)
                || d.ImplementationFactory is not null)
            .ToList();

        Assert.NotEmpty(validators);
        Assert.All(validators, d => Assert.True(
            d.ImplementationInstance?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(SettingNamingValidator<>),
            $"{d.ServiceType} is validated by {d.ImplementationType ?? d.ImplementationInstance?.GetType()} instead of through ValidateOnStart(validator, sectionName), so its failures would not name the setting."));
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is null ? [e] : [e, .. Flatten(e.InnerException)];

    /// <summary>The handler with only the settings given (no storage is touched before the first request).</summary>
    private sealed class Handler(Dictionary<string, string?> settings, Action<IServiceCollection>? inspect = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("AzureWebJobsStorage", "UseDevelopmentStorage=true");
            builder.UseSetting("Gateway:Operator:Key", "test-operator-key-0123456789");
            builder.UseSetting("Gateway:Uploads:PushWorker", "Off");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (inspect is not null)
            {
                builder.ConfigureTestServices(inspect);
            }
        }
    }
}
