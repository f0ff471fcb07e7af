using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.CessGateway;

/// <summary>CESS-Gateway tokens (compat.md §1.3): Go's JSON bytes, RSA PKCS#1 v1.5, Base58; cross-checked with Node's crypto.</summary>
public sealed class CessTokenCodecTests
{
    private static readonly RSA Key = RSA.Create(2048);

    [Fact]
    public void Serialize_Token_WritesGosJsonFieldsInOrderWithHtmlEscapes()
    {
        var token = new CessToken(1_580_000_000_000_000_001, 1_700_000_000, 1_700_000_100, 1_702_592_100, "a_b@example.com", "ab<>&\"\\cdefgh/*=");

        var json = Encoding.UTF8.GetString(CessTokenCodec.Serialize(token));

        Assert.Equal(
            """{"userId":1580000000000000001,"createUserTime":1700000000,"createTokenTime":1700000100,"expirationTime":1702592100,"mailbox":"a_b@example.com","randomCode":"ab\u003c\u003e\u0026\"\\cdefgh/*="}""",
            json);
    }

    [Fact]
    public void EncodeTryDecode_RoundTrip_GivesTheTokenBack()
    {
        var token = new CessToken(42, 1, 2, 3, "dave@example.com", "0123456789abcdef");

        var text = CessTokenCodec.Encode(token, Key);

        Assert.All(text, c => Assert.Contains(c, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"));
        Assert.Equal(token, CessTokenCodec.TryDecode(text, Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0OIl")] // not Base58
    [InlineData("2NEpo7TZRRrLZSi2U")] // Base58, but not 256 bytes
    public void TryDecode_NotAToken_ReturnsNull(string text) => Assert.Null(CessTokenCodec.TryDecode(text, Key));

    [Fact]
    public void TryDecode_EncryptedGarbage_ReturnsNull()
    {
        var cipher = Key.Encrypt("not json"u8.ToArray(), RSAEncryptionPadding.Pkcs1);
        var text = new char[Base58Btc.GetMaxEncodedLength(cipher.Length)];

        Assert.Null(CessTokenCodec.TryDecode(new string(text, 0, Base58Btc.Encode(cipher, text)), Key));
    }

    [Fact]
    public void Encode_MailboxTooLongForRsa2048_Throws()
    {
        var token = new CessToken(42, 1, 2, 3, new string('a', 200) + "@example.com", "0123456789abcdef");

        Assert.ThrowsAny<CryptographicException>(() => CessTokenCodec.Encode(token, Key));
    }

    /// <summary>
    /// Node encrypts Go's token JSON with the public key as the original does (PKCS#1 v1.5 type 2) and Base58-encodes
    /// it with its own implementation of the Bitcoin alphabet; the codec reads it with the private key.
    /// </summary>
    [Fact]
    public async Task TryDecode_TokenMadeByNodeCrypto_ReadsIt()
    {
        var json = """{"userId":7,"createUserTime":10,"createTokenTime":20,"expirationTime":30,"mailbox":"erin@example.com","randomCode":"[]{}+-*/_=.!@#$%"}""";
        const string script = """
            const crypto = require("crypto");
            const [pem, text] = JSON.parse(require("fs").readFileSync(0, "utf8"));
            const cipher = crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(text));
            const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
            let n = BigInt("0x" + cipher.toString("hex")), out = "";
            while (n > 0n) { out = alphabet[Number(n % 58n)] + out; n /= 58n; }
            for (const b of cipher) { if (b !== 0) break; out = "1" + out; }
            process.stdout.write(out);
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new[] { Key.ExportSubjectPublicKeyInfoPem(), json }));
        node.StandardInput.Close();
        var token = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.Equal(new CessToken(7, 10, 20, 30, "erin@example.com", "[]{}+-*/_=.!@#$%"), CessTokenCodec.TryDecode(token, Key));
    }
}
