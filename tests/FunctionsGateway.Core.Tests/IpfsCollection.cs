using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests;

/// <summary>The tests that share one js-ipfs node and one Azurite (the node is stopped and restarted by a fault test, so they run one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class IpfsCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<IpfsNodeFixture>
{
    public const string Name = "ipfs";
}
