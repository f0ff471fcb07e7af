using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

public sealed class FieldElementTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    [Fact]
    public void SqrtM1_Squared_IsMinusOne() =>
        Assert.True((RistrettoPoint.SqrtM1 * RistrettoPoint.SqrtM1).ValueEquals(-FieldElement.One));

    [Fact]
    public void InvSqrtAMinusD_MatchesDefinition()
    {
        // RFC 9496 §4.1: INVSQRT_A_MINUS_D = 1/sqrt(a - d), a = -1; it is non-negative.
        var c = RistrettoPoint.InvSqrtAMinusD;
        Assert.True((c.Square() * (-FieldElement.One - EdwardsPoint.D)).ValueEquals(FieldElement.One));
        Assert.False(c.IsNegative);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("121666")]
    [InlineData("57896044618658097711785492504343953926634992332820282019728792003956564819948")] // p - 1
    public void Invert_TimesSelf_IsOne(string value)
    {
        var x = FromInteger(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((x * x.Invert()).ValueEquals(FieldElement.One));
    }

    [Fact]
    public void Multiply_RandomValues_MatchesBigInteger()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var a = RandomBelowP(random);
            var b = RandomBelowP(random);
            Assert.Equal(ToBytes(a * b % P), (FromInteger(a) * FromInteger(b)).ToBytes());
            Assert.Equal(ToBytes(((a - b) % P + P) % P), (FromInteger(a) - FromInteger(b)).ToBytes());
            Assert.Equal(ToBytes((a + b) % P), (FromInteger(a) + FromInteger(b)).ToBytes());
        }
    }

    [Fact]
    public void ToBytes_NonCanonicalInput_Reduces()
    {
        // p + 1 and 2^255 - 1 (top bit ignored on input) reduce to 1 and 18.
        var pPlusOne = ToBytes(P + 1);
        Assert.Equal(ToBytes(1), FieldElement.FromBytes(pPlusOne).ToBytes());
        var allOnes = Enumerable.Repeat((byte)0xff, 32).ToArray();
        Assert.Equal(ToBytes(18), FieldElement.FromBytes(allOnes).ToBytes());
    }

    private static BigInteger RandomBelowP(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        bytes[31] &= 0x7f;
        return new BigInteger(bytes, isUnsigned: true) % P;
    }

    private static FieldElement FromInteger(BigInteger value) => FieldElement.FromBytes(ToBytes(value));

    private static byte[] ToBytes(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true);
        return bytes;
    }
}
