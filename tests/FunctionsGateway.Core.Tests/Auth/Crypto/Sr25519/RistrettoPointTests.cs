using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

public sealed class RistrettoPointTests
{
    [Theory]
    [MemberData(nameof(Sr25519TestVectors.GeneratorMultiples), MemberType = typeof(Sr25519TestVectors))]
    public void Multiply_Generator_MatchesRfc9496(int multiple, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(RistrettoPoint.Generator.Multiply(Scalar(multiple)).Encode()));
    }

    [Theory]
    [MemberData(nameof(Sr25519TestVectors.GeneratorMultiples), MemberType = typeof(Sr25519TestVectors))]
    public void Add_RepeatedGenerator_MatchesRfc9496(int multiple, string expected)
    {
        var sum = RistrettoPoint.Identity;
        for (var i = 0; i < multiple; i++)
        {
            sum += RistrettoPoint.Generator;
        }

        Assert.Equal(expected, Convert.ToHexStringLower(sum.Encode()));
    }

    [Theory]
    [MemberData(nameof(Sr25519TestVectors.GeneratorMultiples), MemberType = typeof(Sr25519TestVectors))]
    public void Decode_Rfc9496Encoding_RoundTrips(int multiple, string encoding)
    {
        var point = RistrettoPoint.Decode(Convert.FromHexString(encoding));
        Assert.NotNull(point);
        Assert.Equal(encoding, Convert.ToHexStringLower(point.Value.Encode()));
        Assert.True(point.Value.GroupEquals(RistrettoPoint.Generator.Multiply(Scalar(multiple))));
    }

    [Theory]
    [MemberData(nameof(Sr25519TestVectors.BadEncodings), MemberType = typeof(Sr25519TestVectors))]
    public void Decode_BadEncoding_ReturnsNull(string encoding) =>
        Assert.Null(RistrettoPoint.Decode(Convert.FromHexString(encoding)));

    [Fact]
    public void Multiply_GroupOrder_IsIdentity()
    {
        var order = new byte[32];
        Scalar25519.Order.TryWriteBytes(order, out _, isUnsigned: true);
        Assert.True(RistrettoPoint.Generator.Multiply(order).GroupEquals(RistrettoPoint.Identity));
    }

    private static byte[] Scalar(int value)
    {
        var bytes = new byte[32];
        new BigInteger(value).TryWriteBytes(bytes, out _, isUnsigned: true);
        return bytes;
    }
}
