using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Secp256k1JacobianPointTests
{
    [Fact]
    public void MultiplyAdd_RandomScalarsTimesGenerator_MatchesBouncyCastlePublicKeys()
    {
        // k·G + 0·Q from our Shamir ladder against BouncyCastle's fixed-point comb, for random k.
        var random = new Random(256);
        var generator = Generator();
        Span<Secp256k1JacobianPoint> table = stackalloc Secp256k1JacobianPoint[16];
        Secp256k1JacobianPoint.FillTable(generator, table);
        for (var i = 0; i < 40; i++)
        {
            var k = Secp256k1Tests.NextKey(random);

            var point = Secp256k1JacobianPoint.MultiplyAdd(table, k, Secp256k1JacobianPoint.Infinity, new byte[32]);

            Assert.Equal(Secp256k1.GetPublicKey(k), Encode(point));
        }
    }

    [Fact]
    public void Add_PointAndItself_EqualsDouble()
    {
        var g = Generator();
        var twoG = g.Double();

        Assert.Equal(Encode(twoG), Encode(g.Add(g)));
        Assert.Equal(Encode(twoG.Add(g)), Encode(g.Add(twoG)));
    }

    [Fact]
    public void Add_PointAndNegation_IsInfinity()
    {
        var g = Generator();
        Assert.True(g.TryToAffine(out var x, out var y));

        var sum = g.Add(Secp256k1JacobianPoint.FromAffine(x, y.Negate()));

        Assert.True(sum.IsInfinity);
        Assert.False(sum.TryToAffine(out _, out _));
        Assert.Equal(Encode(g), Encode(Secp256k1JacobianPoint.Infinity.Add(g)));
    }

    private static Secp256k1JacobianPoint Generator()
    {
        var one = new byte[32];
        one[31] = 1;
        var publicKey = Secp256k1.GetPublicKey(one);
        Secp256k1FieldElement.TryRead(publicKey.AsSpan(1, 32), out var x);
        Secp256k1FieldElement.TryRead(publicKey.AsSpan(33, 32), out var y);
        return Secp256k1JacobianPoint.FromAffine(x, y);
    }

    private static byte[] Encode(Secp256k1JacobianPoint point)
    {
        Assert.True(point.TryToAffine(out var x, out var y));
        var encoded = new byte[65];
        encoded[0] = 4;
        x.Write(encoded.AsSpan(1, 32));
        y.Write(encoded.AsSpan(33, 32));
        return encoded;
    }
}
