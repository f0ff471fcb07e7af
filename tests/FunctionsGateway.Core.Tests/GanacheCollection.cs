using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests;

/// <summary>The tests that share one ganache chain and one compilation of the test contracts.</summary>
[CollectionDefinition(Name)]
public sealed class GanacheCollection : ICollectionFixture<GanacheFixture>
{
    public const string Name = "ganache";
}
