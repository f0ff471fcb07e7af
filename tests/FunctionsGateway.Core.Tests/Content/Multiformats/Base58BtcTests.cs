using System.Text;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Multiformats;

public sealed class Base58BtcTests
{
    // draft-msporny-base58 §5 examples, plus leading zero bytes.
    [Theory]
    [InlineData("48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U")]
    [InlineData("54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e", "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")]
    [InlineData("0000287fb4cd", "11233QC4")]
    [InlineData("", "")]
    [InlineData("00", "1")]
    public void Encode_DraftVector_RoundTrips(string hex, string expected)
    {
        var bytes = Convert.FromHexString(hex);
        var chars = new char[Base58Btc.GetMaxEncodedLength(bytes.Length)];
        Assert.Equal(expected, new string(chars, 0, Base58Btc.Encode(bytes, chars)));

        var decoded = new byte[Base58Btc.GetMaxDecodedLength(expected.Length)];
        Assert.Null(Base58Btc.TryDecode(expected, decoded, out var written));
        Assert.Equal(bytes, decoded[..written]);
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("abc+")]
    [InlineData("é")]
    public void TryDecode_CharacterOutsideAlphabet_SaysWhich(string text)
    {
        Assert.Contains("invalid base58btc character", Base58Btc.TryDecode(text, new byte[16], out _), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Text_IsAscii()
    {
        var bytes = Encoding.UTF8.GetBytes("hello world");
        var chars = new char[Base58Btc.GetMaxEncodedLength(bytes.Length)];
        Assert.Equal("StV1DL6CwTryKyV", new string(chars, 0, Base58Btc.Encode(bytes, chars)));
    }
}
