using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests;

/// <summary>The tests that share one js-ipfs node and one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class IpfsCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<IpfsNodeFixture>
{
    public const string Name = "ipfs";
}
