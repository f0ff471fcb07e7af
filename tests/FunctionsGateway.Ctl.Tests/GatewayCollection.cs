using FunctionsGateway.Testing;

namespace FunctionsGateway.Ctl.Tests;

/// <summary>gatewayctl's tests: real handler processes on one Azurite, and the real CESS runtime under chopsticks.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<ChopsticksFixture>
{
    public const string Name = "gatewayctl";
}
