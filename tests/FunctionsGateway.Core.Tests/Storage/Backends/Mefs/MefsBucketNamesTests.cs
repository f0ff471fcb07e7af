using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Tests.Auth.Crypto;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

public sealed class MefsBucketNamesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("fg-0190aabbccddeeff0011223344556677", true)]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Abc", false)]
    [InlineData("a.bc", false)]
    [InlineData("a_bc", false)]
    [InlineData(null, false)]
    public void IsValid_S3RulesWithoutDots(string? bucket, bool valid) =>
        Assert.Equal(valid, MefsBucketNames.IsValid(bucket));

    [Fact]
    public void IsValid_SixtyFourCharacters_False()
    {
        Assert.True(MefsBucketNames.IsValid(new string('a', 63)));
        Assert.False(MefsBucketNames.IsValid(new string('a', 64)));
    }

    [Theory]
    [MemberData(nameof(EthereumAddressTestVectors.Checksummed), MemberType = typeof(EthereumAddressTestVectors))]
    public void TryForAddress_Eip55Address_TheAddressLowercased(string address)
    {
        Assert.True(MefsBucketNames.TryForAddress(address, out var bucket));
        Assert.Equal(address.ToLowerInvariant(), bucket);
        Assert.True(MefsBucketNames.IsValid(bucket));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("did:memo:0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea")]
    public void TryForAddress_NotAnAddress_False(string? handle) =>
        Assert.False(MefsBucketNames.TryForAddress(handle, out _));

    [Fact]
    public void ForOwner_IdentityId_PrefixAndTheIdAsItIs() =>
        Assert.Equal("fg-0190aabbccddeeff0011223344556677", MefsBucketNames.ForOwner("fg-", "0190aabbccddeeff0011223344556677"));

    [Theory]
    [InlineData("Owner")]
    [InlineData("owner")]
    [InlineData("a/b")]
    [InlineData("")]
    public void ForOwner_AnyId_ValidAndDistinct(string ownerId)
    {
        var bucket = MefsBucketNames.ForOwner("fg-", ownerId);

        Assert.True(MefsBucketNames.IsValid(bucket), bucket);
        Assert.StartsWith("fg-", bucket, StringComparison.Ordinal);
        Assert.NotEqual(MefsBucketNames.ForOwner("fg-", ownerId + "x"), bucket);
    }

    [Fact]
    public void ForOwner_IdsDifferingOnlyInCase_DifferentBuckets() =>
        Assert.NotEqual(MefsBucketNames.ForOwner("fg-", "Owner"), MefsBucketNames.ForOwner("fg-", "owner"));

    [Fact]
    public void ForOwner_IdTooLong_HashedToFit()
    {
        var bucket = MefsBucketNames.ForOwner("fg-", new string('a', 80));

        Assert.Equal(3 + 32, bucket.Length);
        Assert.True(MefsBucketNames.IsValid(bucket));
    }
}
