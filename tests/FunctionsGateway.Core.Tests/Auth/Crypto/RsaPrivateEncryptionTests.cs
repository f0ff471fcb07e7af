using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

/// <summary>
/// Node's <c>crypto.privateEncrypt</c> (what the Decoo SDK sends as <c>secret</c>) checked by <see cref="RsaPrivateEncryption"/>,
/// and hand-made blocks (encrypted by Node with <c>RSA_NO_PADDING</c>) that break the type-1 format one way each.
/// </summary>
public sealed class RsaPrivateEncryptionTests(RsaPrivateEncryptionTests.Keys keys) : IClassFixture<RsaPrivateEncryptionTests.Keys>
{
    private const string Cid = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ";

    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    public async Task Verify_NodePrivateEncryptOfTheCid_Valid(int bits)
    {
        var pair = bits == 1024 ? keys.Small : keys.Large;
        var secret = await SecretAsync(pair, Cid);

        Assert.Equal(RsaBlockStatus.Valid, RsaPrivateEncryption.Verify(Parameters(pair.SpkiPem), secret, Encoding.UTF8.GetBytes(Cid)));
        Assert.Equal(RsaBlockStatus.Valid, RsaPrivateEncryption.Verify(Parameters(pair.Pkcs1Pem), secret, Encoding.UTF8.GetBytes(Cid)));
    }

    [Fact]
    public async Task Verify_AnotherCid_PayloadMismatch()
    {
        var secret = await SecretAsync(keys.Small, "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");

        Assert.Equal(RsaBlockStatus.PayloadMismatch, RsaPrivateEncryption.Verify(Parameters(keys.Small.SpkiPem), secret, Encoding.UTF8.GetBytes(Cid)));
    }

    [Fact]
    public async Task Verify_AnotherKey_BadPadding()
    {
        var secret = await SecretAsync(keys.Large, Cid);
        var other = await SecretAsync(keys.Other, Cid);

        Assert.Equal(RsaBlockStatus.WrongLength, RsaPrivateEncryption.Verify(Parameters(keys.Small.SpkiPem), secret, Encoding.UTF8.GetBytes(Cid)));
        Assert.Equal(RsaBlockStatus.BadPadding, RsaPrivateEncryption.Verify(Parameters(keys.Small.SpkiPem), other, Encoding.UTF8.GetBytes(Cid)));
    }

    [Theory]
    [InlineData("ok", RsaBlockStatus.Valid)]
    [InlineData("seven-ff", RsaBlockStatus.ShortPadding)]
    [InlineData("eight-ff", RsaBlockStatus.Valid)]
    [InlineData("trailing", RsaBlockStatus.PayloadMismatch)]
    [InlineData("type-2", RsaBlockStatus.BadPadding)]
    [InlineData("leading-01", RsaBlockStatus.BadPadding)]
    [InlineData("no-separator", RsaBlockStatus.BadPadding)]
    [InlineData("fe-in-padding", RsaBlockStatus.BadPadding)]
    [InlineData("truncated-cid", RsaBlockStatus.PayloadMismatch)]
    public async Task Verify_HandMadeBlock_StatusOfItsFlaw(string flaw, RsaBlockStatus expected)
    {
        var k = 128;
        var cid = Encoding.UTF8.GetBytes(Cid);
        // The padding-length cases carry a payload sized so that the padding is exactly 7 or 8 bytes.
        var payload = flaw switch
        {
            "seven-ff" => RandomNumberGenerator.GetBytes(k - 3 - 7),
            "eight-ff" => RandomNumberGenerator.GetBytes(k - 3 - 8),
            _ => cid,
        };
        var block = flaw switch
        {
            "trailing" => Block(k, 0x01, cid, [1, 2, 3]),
            "type-2" => Block(k, 0x02, cid),
            "leading-01" => [0x01, .. Block(k, 0x01, cid)[1..]],
            "no-separator" => [0x00, 0x01, .. Enumerable.Repeat((byte)0xFF, k - 2)],
            "fe-in-padding" => Replace(Block(k, 0x01, cid), 12, 0xFE),
            "truncated-cid" => Block(k, 0x01, cid[..^1]),
            _ => Block(k, 0x01, payload),
        };

        var secret = Convert.FromBase64String((string)(await DecooSdkReference.RunOneAsync("rawSecret", new JsonObject
        {
            ["privateKey"] = keys.Small.PrivateKeyPem,
            ["blockHex"] = Convert.ToHexStringLower(block),
        }))!);

        Assert.Equal(expected, RsaPrivateEncryption.Verify(Parameters(keys.Small.SpkiPem), secret, payload));
    }

    [Fact]
    public async Task Verify_OneByteMoreOrLess_WrongLength()
    {
        var secret = await SecretAsync(keys.Small, Cid);
        var key = Parameters(keys.Small.SpkiPem);

        Assert.Equal(RsaBlockStatus.WrongLength, RsaPrivateEncryption.Verify(key, [0, .. secret], Encoding.UTF8.GetBytes(Cid)));
        Assert.Equal(RsaBlockStatus.WrongLength, RsaPrivateEncryption.Verify(key, secret.AsSpan(1), Encoding.UTF8.GetBytes(Cid)));
    }

    [Fact]
    public void Verify_TheModulusItself_OutOfRange()
    {
        var key = Parameters(keys.Small.SpkiPem);

        Assert.Equal(RsaBlockStatus.OutOfRange, RsaPrivateEncryption.Verify(key, key.Modulus!, Encoding.UTF8.GetBytes(Cid)));
    }

    [Fact]
    public void Verify_EvenOrTinyKey_BadKey()
    {
        var key = Parameters(keys.Small.SpkiPem);
        var even = key.Modulus!.ToArray();
        even[^1] &= 0xFE;
        var tiny = new RSAParameters { Modulus = new BigInteger(1_000_003).ToByteArray(isUnsigned: true, isBigEndian: true), Exponent = key.Exponent };

        Assert.Equal(RsaBlockStatus.BadKey, RsaPrivateEncryption.Verify(key with { Modulus = even }, new byte[128], []));
        Assert.Equal(RsaBlockStatus.BadKey, RsaPrivateEncryption.Verify(tiny, new byte[3], []));
        Assert.Equal(RsaBlockStatus.BadKey, RsaPrivateEncryption.Verify(default, new byte[128], []));
    }

    private static byte[] Block(int k, byte type, byte[] payload, byte[]? trailing = null)
    {
        var tail = trailing ?? [];
        return [0x00, type, .. Enumerable.Repeat((byte)0xFF, k - 3 - payload.Length - tail.Length), 0x00, .. payload, .. tail];
    }

    private static byte[] Replace(byte[] block, int index, byte value)
    {
        block[index] = value;
        return block;
    }

    private static async Task<byte[]> SecretAsync(DecooKeyPair pair, string cid) =>
        Convert.FromBase64String((string)(await DecooSdkReference.RunOneAsync("secret", new JsonObject { ["privateKey"] = pair.PrivateKeyPem, ["cid"] = cid }))!);

    private static RSAParameters Parameters(string pem) =>
        DecooPublicKey.TryParse(pem, out _, out var parameters, out var error) ? parameters : throw new Xunit.Sdk.XunitException(error);

    /// <summary>Three key pairs from Node, made once for the class: two of 1024 bits and one of 2048.</summary>
    public sealed class Keys : IAsyncLifetime
    {
        public DecooKeyPair Small { get; private set; } = null!;

        public DecooKeyPair Other { get; private set; } = null!;

        public DecooKeyPair Large { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var pairs = await DecooSdkReference.RunAsync(
                ("keypair", new JsonObject { ["bits"] = 1024 }), ("keypair", new JsonObject { ["bits"] = 1024 }), ("keypair", new JsonObject { ["bits"] = 2048 }));
            (Small, Other, Large) = (Read(pairs[0]!), Read(pairs[1]!), Read(pairs[2]!));
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static DecooKeyPair Read(JsonNode pair) => new((string)pair["privateKey"]!, (string)pair["spki"]!, (string)pair["pkcs1"]!);
    }
}
