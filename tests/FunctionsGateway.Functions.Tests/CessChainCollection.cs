using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests;

/// <summary>The tests that run the gateway against the real CESS runtime under chopsticks, on one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class CessChainCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<ChopsticksFixture>
{
    public const string Name = "cess-chain";
}
