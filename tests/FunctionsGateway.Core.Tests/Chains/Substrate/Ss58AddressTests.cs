using FunctionsGateway.Core.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Chains.Substrate;

public sealed class Ss58AddressTests
{
    [Theory]
    [MemberData(nameof(SubstrateTestVectors.Addresses), MemberType = typeof(SubstrateTestVectors))]
    public void Encode_AccountAndPrefix_MatchesSpec(string accountId, ushort prefix, string address) =>
        Assert.Equal(address, Ss58Address.Encode(Convert.FromHexString(accountId), prefix));

    [Theory]
    [MemberData(nameof(SubstrateTestVectors.Addresses), MemberType = typeof(SubstrateTestVectors))]
    public void TryDecode_Address_ReturnsPrefixAndAccount(string accountId, ushort prefix, string address)
    {
        var decoded = Ss58Address.TryDecode(address);
        Assert.NotNull(decoded);
        Assert.Equal(prefix, decoded.Value.Prefix);
        Assert.Equal(accountId, Convert.ToHexStringLower(decoded.Value.AccountId));
    }

    [Theory]
    [InlineData("cXjmuHdBk4J3Zyt2oGodwGegNFaTFPcfC48PZ9NMmcUFzF6cd")] // checksum changed
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ")]   // truncated
    [InlineData("0GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]  // '0' is not base58
    [InlineData("")]
    public void TryDecode_Invalid_ReturnsNull(string address) => Assert.Null(Ss58Address.TryDecode(address));

    [Fact]
    public void DecodeAccountId_WrongPrefix_Throws() =>
        Assert.Throws<FormatException>(() => Ss58Address.DecodeAccountId("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", Ss58Address.CessPrefix));
}
