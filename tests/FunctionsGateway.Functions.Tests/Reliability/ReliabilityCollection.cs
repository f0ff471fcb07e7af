using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Reliability;

/// <summary>
/// The whole-gateway suites (bad input, attacks, load): one Azurite of their own, so that the launched handlers'
/// traffic does not slow the other collections' emulator, and one test at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "reliability";
}
