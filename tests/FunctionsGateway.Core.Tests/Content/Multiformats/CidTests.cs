using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Multiformats;

public sealed class CidTests
{
    [Theory]
    [MemberData(nameof(CidTestVectors.Valid), MemberType = typeof(CidTestVectors))]
    public void Parse_PublishedCid_DecodesPartsAndFormatsBack(string source, string text, int version, ulong codec, ulong hashFunction, string blockHex)
    {
        var cid = Cid.Parse(text);

        Assert.Equal(version, cid.Version);
        Assert.Equal(codec, cid.Codec);
        Assert.Equal(hashFunction, cid.HashFunction);
        var block = Convert.FromHexString(blockHex);
        Assert.True(hashFunction == 0 ? cid.Digest.SequenceEqual(block) : cid.Digest.SequenceEqual(SHA256.HashData(block)), source);
        Assert.Equal(text, cid.ToString());
        Assert.Equal(cid, Cid.FromBytes(cid.ToBytes()));
    }

    [Theory]
    [MemberData(nameof(CidTestVectors.Invalid), MemberType = typeof(CidTestVectors))]
    public void TryParse_Invalid_GivesPreciseReason(string text, string reason)
    {
        Assert.False(Cid.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => Cid.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base58BtcMultibase_EqualsBase32Form()
    {
        var cid = Cid.Parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
        var chars = new char[Base58Btc.GetMaxEncodedLength(cid.ByteLength)];
        var z = "z" + new string(chars, 0, Base58Btc.Encode(cid.Bytes, chars));

        Assert.Equal(cid, Cid.Parse(z));
    }

    [Theory]
    [InlineData("", "no bytes")]
    [InlineData("1221", "sha2-256 multihash (0x12 0x20)")]
    [InlineData("1220abcd", "truncated multihash")]
    [InlineData("0070", "version 0 is never written")]
    [InlineData("03551220", "unsupported CID version 3")]
    [InlineData("0155121000000000000000000000000000000000", "32-byte digest")]
    [InlineData("01550000ff", "1 bytes follow the CID")]
    public void TryFromBytes_Invalid_GivesPreciseReason(string hex, string reason)
    {
        Assert.Contains(reason, Cid.TryFromBytes(Convert.FromHexString(hex), out _), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_CidFollowedByData_ReportsItsLength()
    {
        var cid = Cid.Compute(1, Multicodec.Raw, [1, 2, 3]);
        byte[] section = [.. cid.Bytes, 9, 9];

        Assert.Null(Cid.TryRead(section, out var read, out var length));
        Assert.Equal(cid, read);
        Assert.Equal(cid.ByteLength, length);
    }

    [Fact]
    public void Compute_V0_IsBase58MultihashOfDagPb()
    {
        var cid = Cid.Compute(0, Multicodec.DagPb, [0x0a, 0x02, 0x08, 0x01]);

        Assert.Equal("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", cid.ToString());
        Assert.Equal("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354", cid.ToV1().ToString());
        Assert.Throws<ArgumentException>(() => Cid.Compute(0, Multicodec.Raw, []));
    }

    [Fact]
    public void CreateIdentity_Empty_IsTheGatewayProbe()
    {
        Assert.Equal("bafkqaaa", Cid.CreateIdentity(Multicodec.Raw, []).ToString());
        Assert.True(Cid.Parse("bafkqaaa").IsIdentity);
    }

    [Fact]
    public void Equality_SameBytes_EqualAndSameHash()
    {
        var a = Cid.Parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
        var b = Cid.FromBytes(a.ToBytes());

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.ToV1());
        Assert.NotEqual(a, default);
        Assert.True(default(Cid).IsEmpty);
    }
}
