using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Core.Tests.Accounts;

public sealed class SecretHasherTests
{
    // FIPS 180-4 example "abc".
    [Fact]
    public void Hash_Abc_KnownSha256() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretHasher.Hash("abc"));

    [Fact]
    public void Matches_SameSecret_True() => Assert.True(SecretHasher.Matches("s3cret", SecretHasher.Hash("s3cret")));

    [Fact]
    public void Matches_OtherSecret_False() => Assert.False(SecretHasher.Matches("s3cret!", SecretHasher.Hash("s3cret")));

    [Theory]
    [InlineData("dev-operator-key", "dev-operator-key", true)]
    [InlineData("dev-operator-key", "dev-operator-kez", false)]
    [InlineData("dev-operator-key", "dev-operator-key-longer", false)]
    [InlineData("", "x", false)]
    public void FixedTimeEquals_ComparesWholeValue(string a, string b, bool expected) =>
        Assert.Equal(expected, SecretHasher.FixedTimeEquals(a, b));
}
