using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests;

/// <summary>The tests that share one chopsticks running CESS's runtime; they run one after another, as blocks are shared.</summary>
[CollectionDefinition(Name)]
public sealed class ChopsticksCollection : ICollectionFixture<ChopsticksFixture>
{
    public const string Name = "chopsticks";
}
