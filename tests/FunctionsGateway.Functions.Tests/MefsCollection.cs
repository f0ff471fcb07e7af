using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests;

/// <summary>The tests that store through one s3rver (MEFS's S3 gateway stand-in) on one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class MefsCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<S3rverFixture>
{
    public const string Name = "mefs";
}
