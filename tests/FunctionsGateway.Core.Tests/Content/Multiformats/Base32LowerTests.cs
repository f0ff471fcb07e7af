using System.Text;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Tests.Content.Multiformats;

public sealed class Base32LowerTests
{
    // RFC 4648 §10 test vectors, lower-cased and without padding.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void Encode_Rfc4648Vector_RoundTrips(string text, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var chars = new char[Base32Lower.GetEncodedLength(bytes.Length)];
        Base32Lower.Encode(bytes, chars);
        Assert.Equal(expected, new string(chars));

        var decoded = new byte[expected.Length];
        Assert.Null(Base32Lower.TryDecode(expected, decoded, out var written));
        Assert.Equal(bytes, decoded[..written]);
    }

    [Theory]
    [InlineData("MZXQ", "invalid base32 character")]
    [InlineData("mzx1", "invalid base32 character")]
    [InlineData("m", "not a whole number of bytes")]
    [InlineData("mzx", "not a whole number of bytes")]
    [InlineData("mz", "non-zero trailing bits")]
    public void TryDecode_NonCanonical_SaysWhy(string text, string reason)
    {
        Assert.Contains(reason, Base32Lower.TryDecode(text, new byte[8], out _), StringComparison.Ordinal);
    }
}
