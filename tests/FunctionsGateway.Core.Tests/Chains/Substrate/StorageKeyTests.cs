using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Chains.Substrate;

public sealed class StorageKeyTests
{
    [Fact]
    public void Build_SystemAccountAlice_MatchesSpec() =>
        Assert.Equal(SubstrateTestVectors.SystemAccountAlice,
            Convert.ToHexStringLower(CessStorageKeys.SystemAccount(Convert.FromHexString(SubstrateTestVectors.Alice))));

    [Fact]
    public void Build_OssAuthorityList_MatchesSpec() =>
        Assert.Equal(SubstrateTestVectors.OssAuthorityList,
            Convert.ToHexStringLower(CessStorageKeys.AuthorityList(Convert.FromHexString("ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1"))));

    [Fact]
    public void Build_TerritoryDoubleMap_MatchesSpec() =>
        Assert.Equal(SubstrateTestVectors.TerritoryTerr1,
            Convert.ToHexStringLower(CessStorageKeys.Territory(Convert.FromHexString("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"), "terr1")));

    [Theory]
    [InlineData("FileBank", "DealMap", "a3c62a50675125d74bc9f59e3f75adc97810ae48440077708636387b1304c723")]
    [InlineData("FileBank", "File", "a3c62a50675125d74bc9f59e3f75adc9303fb39244d274417d5edffffa903f8a")]
    [InlineData("FileBank", "UserHoldFileList", "a3c62a50675125d74bc9f59e3f75adc917f0e8dbd9ca076e7e83f2559063e067")]
    [InlineData("StorageHandler", "UnitPrice", "d594a5c1eaaed1896a72205f11d64700464608f06602a793c3e237f406d114f1")]
    [InlineData("System", "Number", "26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac")]
    [InlineData("System", "Events", SubstrateTestVectors.SystemEvents)]
    public void Prefix_Item_MatchesSpec(string pallet, string item, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(StorageKey.Prefix(pallet, item)));
}
