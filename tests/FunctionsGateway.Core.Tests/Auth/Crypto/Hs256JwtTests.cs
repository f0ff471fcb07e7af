using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Hs256JwtTests
{
    // The access token of seed 001's login answer (signed with the original server's unknown key).
    private const string SeedAccessToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoxLCJhdWQiOiJtZW1vLmlvIiwiZXhwIjoxNjc3NDkwMTgyLCJpYXQiOjE2Nzc0ODkyODIsImlzcyI6Im1lbW8uaW8iLCJzdWIiOiIweEU3RTlmMTJmOTlhRDE3ZDQ3ODZiOUIxMjQ3QzA5N2U2M2NlYUY4RGIifQ.F0asDvu3LH3ccK6LAztBGF1TTzGw7Stc9gBEzVicuE4";

    private static readonly byte[] Key = Encoding.ASCII.GetBytes("memo-test-jwt-key-of-32-bytes--!");

    [Fact]
    public void Sign_SeedClaims_HeaderAndPayloadAsTheOriginalWroteThem()
    {
        var claims = new MemoTokenClaims(MemoTokenClaims.AccessType, false, "memo.io", 1677490182, 1677489282, "memo.io", "0xE7E9f12f99aD17d4786b9B1247C097e63ceaF8Db");

        var token = Hs256Jwt.Sign(claims.ToJson(), Key);

        var seedParts = SeedAccessToken.Split('.');
        Assert.Equal(seedParts[0] + "." + seedParts[1], token[..token.LastIndexOf('.')]);
    }

    [Fact]
    public async Task Sign_AnyClaims_MacMatchesNodeCryptoHmacSha256()
    {
        var token = Hs256Jwt.Sign("{\"sub\":\"x\"}"u8, Key);
        var signingInput = token[..token.LastIndexOf('.')];
        var script = "const c=require('node:crypto');process.stdout.write(c.createHmac('sha256',Buffer.from(process.argv[1],'hex')).update(process.argv[2]).digest('base64url'))";

        var nodeMac = await NodePackages.RunNodeAsync(Path.GetTempPath(), "-e", [script, Convert.ToHexStringLower(Key), signingInput], null, TimeSpan.FromSeconds(30));

        Assert.Equal(nodeMac, token[(token.LastIndexOf('.') + 1)..]);
        Assert.Equal(JwtStatus.Valid, Hs256Jwt.TryVerify(token, Key, out var claims));
        Assert.Equal("{\"sub\":\"x\"}", Encoding.UTF8.GetString(claims));
    }

    [Theory]
    [InlineData("{\"alg\":\"HS384\",\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"HS512\",\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"none\",\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")]
    public void TryVerify_OtherAlgorithmWithAMatchingMac_WrongAlgorithm(string header)
    {
        var signingInput = Encode(header) + "." + Encode("{\"sub\":\"x\"}");
        var mac = header.Contains("HS512", StringComparison.Ordinal)
            ? HMACSHA512.HashData(Key, Encoding.ASCII.GetBytes(signingInput))
            : header.Contains("HS384", StringComparison.Ordinal) ? HMACSHA384.HashData(Key, Encoding.ASCII.GetBytes(signingInput)) : HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(signingInput));

        Assert.Equal(JwtStatus.WrongAlgorithm, Hs256Jwt.TryVerify(signingInput + "." + Base64Url.EncodeToString(mac), Key, out _));
    }

    [Fact]
    public void TryVerify_PayloadChangedOrOtherKey_BadSignature()
    {
        var token = Hs256Jwt.Sign("{\"sub\":\"alice\"}"u8, Key);
        var parts = token.Split('.');
        var forged = parts[0] + "." + Encode("{\"sub\":\"bob\"}") + "." + parts[2];

        Assert.Equal(JwtStatus.BadSignature, Hs256Jwt.TryVerify(forged, Key, out _));
        Assert.Equal(JwtStatus.BadSignature, Hs256Jwt.TryVerify(token, RandomNumberGenerator.GetBytes(32), out _));
        Assert.Equal(JwtStatus.BadSignature, Hs256Jwt.TryVerify(SeedAccessToken, Key, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.!!!.abc")]
    public void TryVerify_NotThreeBase64UrlParts_Malformed(string token)
    {
        Assert.Equal(JwtStatus.Malformed, Hs256Jwt.TryVerify(token, Key, out _));
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
