using FunctionsGateway.Core.Chains.Cess;

namespace FunctionsGateway.Core.Tests.Chains.Cess;

public sealed class CessCallsTests
{
    [Fact]
    public void MintTerritory_SpecExample_MatchesBytes() =>
        Assert.Equal(CessTestVectors.MintTerritoryCall, Convert.ToHexStringLower(CessCalls.MintTerritory(10, "terr1", 30)));

    [Fact]
    public void Remark_SpecExample_MatchesBytes() =>
        Assert.Equal(CessTestVectors.RemarkCall, Convert.ToHexStringLower(CessCalls.Remark("hello cess"u8)));

    [Fact]
    public void ExpandRenewDelete_Arguments_InDeclaredOrder()
    {
        Assert.Equal("6b01" + "147465727231" + "05000000", Convert.ToHexStringLower(CessCalls.ExpandTerritory("terr1", 5)));
        Assert.Equal("6b02" + "147465727231" + "1e000000", Convert.ToHexStringLower(CessCalls.RenewTerritory("terr1", 30)));
        var owner = Enumerable.Repeat((byte)7, 32).ToArray();
        var delete = CessCalls.DeleteFile(owner, CessTestVectors.HelloFid);
        Assert.Equal("6806" + Convert.ToHexStringLower(owner) + Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(CessTestVectors.HelloFid)),
            Convert.ToHexStringLower(delete));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")] // 64 bytes
    public void TerritoryName_EmptyOrTooLong_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => CessCalls.MintTerritory(1, name, 30));

    [Theory]
    [InlineData("abc")]
    [InlineData("c1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774cz")]
    public void DeleteFile_NotAFileHash_Throws(string fid) =>
        Assert.Throws<ArgumentException>(() => CessCalls.DeleteFile(new byte[32], fid));
}
