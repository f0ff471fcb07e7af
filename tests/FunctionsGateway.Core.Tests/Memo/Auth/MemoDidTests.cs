using FunctionsGateway.Core.Memo.Auth;

namespace FunctionsGateway.Core.Tests.Memo.Auth;

public sealed class MemoDidTests
{
    private const string Did = "did:memo:0000000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void LoginHash_CompatVector_MatchesPublishedHash()
    {
        // compat §2.6: keccak256(did || hexdecode(token) || LE64(timestamp)).
        var hash = MemoDid.LoginHash(Did, Convert.FromHexString("0102030405060708"), 1690000000);

        Assert.Equal("a5a06ea45dd32170a35ebaa86211482632972c662ae2ac167084211ad7cf94db", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void RequestHash_CompatVectorNoPayloadRequestOne_MatchesPublishedHash()
    {
        var hash = MemoDid.RequestHash(Did, Convert.FromHexString("0102030405060708"), [], 1);

        Assert.Equal("b324c4da54114daf8994b19107a787475308474167a5b7ad0dc120426db3dbfa", Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData(Did, true)]
    [InlineData("did:memo:00000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("did:eth:0000000000000000000000000000000000000000000000000000000000000001", false)]
    [InlineData("did:memo:000000000000000000000000000000000000000000000000000000000000000g", false)]
    [InlineData(null, false)]
    public void IsValid_MemoDidWith32ByteHexIdentifier_OnlyThen(string? did, bool valid)
    {
        Assert.Equal(valid, MemoDid.IsValid(did));
    }
}
