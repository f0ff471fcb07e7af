using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Secp256k1FieldElementTests
{
    private static readonly BigInteger P = (BigInteger.One << 256) - (BigInteger.One << 32) - 977;

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Operators_RandomAndEdgeValues_MatchBigIntegerModP(int seed)
    {
        var random = new Random(seed);
        BigInteger[] edges = [0, 1, 2, P - 1, P - 2, (BigInteger.One << 255), P - (BigInteger.One << 32), (BigInteger.One << 64) - 1];
        for (var i = 0; i < 200; i++)
        {
            var a = i < edges.Length ? edges[i] : Next(random);
            var b = i < edges.Length ? edges[(i * 3) % edges.Length] : Next(random);
            var fa = Element(a);
            var fb = Element(b);

            Assert.Equal(Mod(a + b), Value(fa + fb));
            Assert.Equal(Mod(a - b), Value(fa - fb));
            Assert.Equal(Mod(a * b), Value(fa * fb));
            Assert.Equal(Mod(a * a), Value(fa.Square()));
            Assert.Equal(Mod(-a), Value(fa.Negate()));
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P), Value(fa.Invert()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TrySqrt_SquaresAndNonResidues_FindsRootsOnlyForSquares(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 50; i++)
        {
            var a = Next(random);
            var square = Element(a * a % P);

            Assert.True(square.TrySqrt(out var root));
            Assert.True(Value(root) == a || Value(root) == P - a);
            var isResidue = BigInteger.ModPow(a, (P - 1) / 2, P).IsOne || a.IsZero;
            Assert.Equal(isResidue, Element(a).TrySqrt(out _));
        }
    }

    [Fact]
    public void TryRead_ValueNotBelowP_ReturnsFalse()
    {
        Assert.False(Secp256k1FieldElement.TryRead(Bytes(P), out _));
        Assert.True(Secp256k1FieldElement.TryRead(Bytes(P - 1), out _));
    }

    private static BigInteger Next(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % P;
    }

    private static BigInteger Mod(BigInteger value) => ((value % P) + P) % P;

    private static byte[] Bytes(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    private static Secp256k1FieldElement Element(BigInteger value)
    {
        Assert.True(Secp256k1FieldElement.TryRead(Bytes(value), out var element));
        return element;
    }

    private static BigInteger Value(Secp256k1FieldElement element)
    {
        var bytes = new byte[32];
        element.Write(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
