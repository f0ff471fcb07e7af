using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class EthereumAddressTests
{
    [Theory]
    [MemberData(nameof(EthereumAddressTestVectors.Checksummed), MemberType = typeof(EthereumAddressTestVectors))]
    public void ToString_Eip55Example_ReproducesChecksum(string checksummed)
    {
        var fromLower = EthereumAddress.Parse(checksummed.ToLowerInvariant());

        Assert.Equal(checksummed, fromLower.ToString());
        Assert.True(EthereumAddress.IsChecksummed(checksummed));
    }

    [Theory]
    [MemberData(nameof(EthereumAddressTestVectors.Checksummed), MemberType = typeof(EthereumAddressTestVectors))]
    public void Parse_FormatRoundTrip_ReturnsSameText(string checksummed)
    {
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed).ToString());
        Assert.Equal(checksummed.ToLowerInvariant(), EthereumAddress.Parse(checksummed).ToLowerHex());
    }

    [Fact]
    public void Parse_MixedCaseWithBadChecksum_ThrowsFormatException()
    {
        // One letter of an EIP-55 example flipped to the wrong case.
        var error = Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));

        Assert.Contains("EIP-55", error.Message, StringComparison.Ordinal);
        Assert.False(EthereumAddress.IsChecksummed("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedaa")]
    [InlineData("0xg2908400098527886E0F7030069857D2E4169EE7")]
    public void TryParse_NotAnAddress_ReturnsFalse(string text)
    {
        Assert.False(EthereumAddress.TryParse(text, out _));
    }

    [Fact]
    public void Equals_SameBytesDifferentCase_AreEqual()
    {
        var a = EthereumAddress.Parse("0x52908400098527886E0F7030069857D2E4169EE7");
        var b = EthereumAddress.Parse("0x52908400098527886e0f7030069857d2e4169ee7");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("0x0000000000000000000000000000000000000000", default(EthereumAddress).ToString());
    }
}
