using System.Text;
using FunctionsGateway.Core.Gw3;

namespace FunctionsGateway.Core.Tests.Gw3;

public sealed class Gw3RequestSignatureTests
{
    [Theory]
    [MemberData(nameof(Gw3RequestSignatureTestVectors.Signatures), MemberType = typeof(Gw3RequestSignatureTestVectors))]
    public void Sign_CompatVector_MatchesSdkSignature(string method, string path, string query, string expected)
    {
        Assert.True(Gw3RequestSignature.TryDecodeBase64(Gw3RequestSignatureTestVectors.Secret, out var key));
        Assert.Equal("0123456789abcdef0123456789abcdef", Encoding.ASCII.GetString(key));

        Assert.Equal(expected, Gw3RequestSignature.Sign(key, Gw3RequestSignature.StringToSign(method, path, query)));
    }

    [Theory]
    [MemberData(nameof(Gw3RequestSignatureTestVectors.Signatures), MemberType = typeof(Gw3RequestSignatureTestVectors))]
    public void Verify_CompatVector_AcceptedAndTamperedRejected(string method, string path, string query, string signature)
    {
        Gw3RequestSignature.TryDecodeBase64(Gw3RequestSignatureTestVectors.Secret, out var key);
        Gw3RequestSignature.TryDecodeBase64(signature, out var mac);

        Assert.True(Gw3RequestSignature.Verify(key, mac, method, path, "?" + query));
        Assert.True(Gw3RequestSignature.Verify(key, mac, method.ToLowerInvariant(), path, query));
        Assert.False(Gw3RequestSignature.Verify(key, mac, method, path + "x", query));
        Assert.False(Gw3RequestSignature.Verify(key, mac, method, path, query + "&a=b"));
        Assert.False(Gw3RequestSignature.Verify(key, mac, method == "GET" ? "POST" : "GET", path, query));
    }

    [Fact]
    public void Verify_InsertionOrderQuery_AcceptedAsSentAndAsSorted()
    {
        var key = "0123456789abcdef0123456789abcdef"u8.ToArray();
        const string sent = "arg=bafkqaaa&ts=1688644825&name=my%20pin";
        var asSent = Sign(key, "POST", "/gw3/api/v0/pin/add", sent);
        var sorted = Sign(key, "POST", "/gw3/api/v0/pin/add", "arg=bafkqaaa&name=my+pin&ts=1688644825");

        Assert.True(Gw3RequestSignature.Verify(key, asSent, "POST", "/gw3/api/v0/pin/add", sent));
        Assert.True(Gw3RequestSignature.Verify(key, sorted, "POST", "/gw3/api/v0/pin/add", sent));
    }

    [Theory]
    [InlineData("ts=1&arg=b&arg=a", "arg=b&arg=a&ts=1")]
    [InlineData("b=x+y&a=%7e%2a", "a=~%2A&b=x+y")]
    [InlineData("z=&y", "y=&z=")]
    [InlineData("name=%E2%9C%93&ts=2", "name=%E2%9C%93&ts=2")]
    [InlineData("", "")]
    public void CanonicalQuery_GoUrlValuesEncode(string raw, string expected)
    {
        Assert.Equal(expected, Gw3RequestSignature.CanonicalQuery(raw));
    }

    [Theory]
    [InlineData("MDEy", true)]
    [InlineData("_-8=", true)]
    [InlineData("/+8=", true)]
    [InlineData("_-8", true)]
    [InlineData("not base64!", false)]
    [InlineData("M=Ey", false)]
    [InlineData("MDEy===", false)]
    [InlineData("", false)]
    public void TryDecodeBase64_UrlSafeOrStandard_PaddingOptional(string text, bool valid)
    {
        Assert.Equal(valid, Gw3RequestSignature.TryDecodeBase64(text, out _));
    }

    private static byte[] Sign(byte[] key, string method, string path, string query)
    {
        Gw3RequestSignature.TryDecodeBase64(Gw3RequestSignature.Sign(key, Gw3RequestSignature.StringToSign(method, path, query)), out var mac);
        return mac;
    }
}
