using FunctionsGateway.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsGateway.Testing;

/// <summary>
/// Core services wired as the handler wires them, against the fixture's Azurite, with a resource prefix of
/// their own so that tests never see each other's containers, tables or queues.
/// </summary>
public static class GatewayServices
{
    /// <summary>The delegate multiaddr test gateways answer in every <c>PinStatus</c>.</summary>
    public const string TestDelegate = "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";

    /// <summary>The settings a test gateway runs with; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Gateway:Storage:ResourcePrefix"] = AzuriteFixture.UniqueName("p"),
            ["Gateway:Storage:MaxRetries"] = "1",
            ["Gateway:Operator:Key"] = "test-operator-key-0123456789",
            ["Gateway:Backend:Default"] = "local",
            ["Gateway:Uploads:PushWorker"] = "Off",
            ["Gateway:Pins:Worker"] = "Off",
            ["Gateway:Pins:Delegates:0"] = TestDelegate,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A service provider with everything <c>AddGatewayCore</c> registers.</summary>
    public static ServiceProvider Create(AzuriteFixture azurite, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(azurite, overrides)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddGatewayCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Replaces the clock.</summary>
    public static void UseTime(this IServiceCollection services, TimeProvider time) => services.Replace(ServiceDescriptor.Singleton(time));
}
