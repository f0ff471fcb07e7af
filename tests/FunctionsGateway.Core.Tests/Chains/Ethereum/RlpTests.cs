using System.Numerics;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class RlpTests
{
    [Theory]
    [MemberData(nameof(RlpTestVectors.Examples), MemberType = typeof(RlpTestVectors))]
    public void Encode_PublishedExample_MatchesBytes(string name, RlpItem item, string expected)
    {
        _ = name;

        Assert.Equal(expected, Convert.ToHexStringLower(Rlp.Encode(item)));
    }

    [Theory]
    [MemberData(nameof(RlpTestVectors.Examples), MemberType = typeof(RlpTestVectors))]
    public void Decode_PublishedExample_EncodesBackToSameBytes(string name, RlpItem item, string encoded)
    {
        _ = name;
        _ = item;
        var bytes = Convert.FromHexString(encoded);

        Assert.Equal(bytes, Rlp.Encode(Rlp.Decode(bytes)));
    }

    [Theory]
    [MemberData(nameof(RlpTestVectors.NonCanonical), MemberType = typeof(RlpTestVectors))]
    public void Decode_NonCanonicalOrTruncated_ThrowsFormatException(string name, string encoded)
    {
        _ = name;

        Assert.Throws<FormatException>(() => Rlp.Decode(Convert.FromHexString(encoded)));
    }

    [Fact]
    public void ToInteger_LeadingZeroByte_ThrowsFormatException()
    {
        var item = Rlp.Decode(Convert.FromHexString("820001"));

        Assert.Throws<FormatException>(() => item.ToInteger());
    }

    [Fact]
    public void EncodeDecode_LongListsAndStrings_RoundTrip()
    {
        // Payloads of 0..70000 bytes cross every prefix form (short, 1-, 2- and 3-byte lengths).
        foreach (var length in new[] { 0, 1, 55, 56, 255, 256, 65535, 65536, 70000 })
        {
            var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            var item = RlpItem.FromList(RlpItem.FromBytes(payload), RlpItem.FromInteger(new BigInteger(payload, isUnsigned: true)), RlpItem.FromList(RlpItem.FromBytes(payload)));

            var decoded = Rlp.Decode(Rlp.Encode(item));

            Assert.Equal(payload, decoded.Items[0].Bytes.ToArray());
            Assert.Equal(payload, decoded.Items[2].Items[0].Bytes.ToArray());
        }
    }

    [Fact]
    public void ToAddressOrNull_WrongLength_ThrowsFormatException()
    {
        Assert.Null(RlpItem.Empty.ToAddressOrNull());
        Assert.Throws<FormatException>(() => RlpItem.FromBytes(new byte[19]).ToAddressOrNull());
        Assert.Throws<FormatException>(() => RlpItem.FromList().ToInteger());
    }
}
