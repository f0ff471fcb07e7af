namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// An element of the ristretto255 prime-order group (RFC 9496 §4), represented by an edwards25519
/// point of its coset. Encoding, decoding and equality follow RFC 9496 §4.3.1–§4.3.3.
/// </summary>
internal readonly struct RistrettoPoint
{
    /// <summary>sqrt(-1) = 2^((p-1)/4) (RFC 9496 §4.1, SQRT_M1).</summary>
    public static readonly FieldElement SqrtM1 = FieldElement.FromBytes(Convert.FromHexString(
        "b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b"));

    /// <summary>1/sqrt(a - d) (RFC 9496 §4.1, INVSQRT_A_MINUS_D).</summary>
    public static readonly FieldElement InvSqrtAMinusD = FieldElement.FromBytes(Convert.FromHexString(
        "ea405d80aafdc899be72415a17162f9d40d801fe917bc216a2fcafcf05896c78"));

    /// <summary>The canonical generator B (RFC 9496 §4.4).</summary>
    public static readonly RistrettoPoint Generator = Decode(Convert.FromHexString(
        "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"))!.Value;

    public RistrettoPoint(EdwardsPoint point) => Point = point;

    public EdwardsPoint Point { get; }

    public static RistrettoPoint Identity => new(EdwardsPoint.Identity);

    public static RistrettoPoint operator +(RistrettoPoint a, RistrettoPoint b) => new(a.Point + b.Point);

    public static RistrettoPoint operator -(RistrettoPoint a, RistrettoPoint b) => new(a.Point - b.Point);

    public static RistrettoPoint operator -(RistrettoPoint a) => new(-a.Point);

    /// <summary>scalar·this for a 32-byte little-endian scalar.</summary>
    public RistrettoPoint Multiply(ReadOnlySpan<byte> scalar) => new(Point.Multiply(scalar));

    /// <summary>RFC 9496 §4.3.1 DECODE; null when the bytes are not a canonical encoding of a group element.</summary>
    public static RistrettoPoint? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            return null;
        }

        var s = FieldElement.FromBytes(bytes);
        // Canonical: s < p (re-encoding gives the same bytes, which also rejects the top bit) and non-negative.
        if (!bytes.SequenceEqual(s.ToBytes()) || s.IsNegative)
        {
            return null;
        }

        var ss = s.Square();
        var u1 = FieldElement.One - ss;
        var u2 = FieldElement.One + ss;
        var u2Sqr = u2.Square();
        var v = -(EdwardsPoint.D * u1.Square()) - u2Sqr;
        var (wasSquare, invSqrt) = SqrtRatioM1(FieldElement.One, v * u2Sqr);
        var denX = invSqrt * u2;
        var denY = invSqrt * denX * v;
        var x = (s + s) * denX;
        x = x.Abs();
        var y = u1 * denY;
        var t = x * y;
        if (!wasSquare || t.IsNegative || y.IsZero)
        {
            return null;
        }

        return new RistrettoPoint(new EdwardsPoint(x, y, FieldElement.One, t));
    }

    /// <summary>RFC 9496 §4.3.2 ENCODE.</summary>
    public byte[] Encode()
    {
        var (x0, y0, z0, t0) = (Point.X, Point.Y, Point.Z, Point.T);
        var u1 = (z0 + y0) * (z0 - y0);
        var u2 = x0 * y0;
        var (_, invSqrt) = SqrtRatioM1(FieldElement.One, u1 * u2.Square());
        var den1 = invSqrt * u1;
        var den2 = invSqrt * u2;
        var zInv = den1 * den2 * t0;
        var ix0 = x0 * SqrtM1;
        var iy0 = y0 * SqrtM1;
        var enchantedDenominator = den1 * InvSqrtAMinusD;
        var rotate = (t0 * zInv).IsNegative;
        var x = FieldElement.Select(x0, iy0, rotate);
        var y = FieldElement.Select(y0, ix0, rotate);
        var denInv = FieldElement.Select(den2, enchantedDenominator, rotate);
        y = FieldElement.Select(y, -y, (x * zInv).IsNegative);
        var s = (denInv * (z0 - y)).Abs();
        return s.ToBytes();
    }

    /// <summary>RFC 9496 §4.3.3 EQUALS (compares cosets, not representatives).</summary>
    public bool GroupEquals(RistrettoPoint other) =>
        (Point.X * other.Point.Y).ValueEquals(Point.Y * other.Point.X) |
        (Point.Y * other.Point.Y).ValueEquals(Point.X * other.Point.X);

    /// <summary>RFC 9496 §4.2 SQRT_RATIO_M1: (was_square, the non-negative sqrt(u/v) or sqrt(i·u/v)).</summary>
    internal static (bool WasSquare, FieldElement Root) SqrtRatioM1(FieldElement u, FieldElement v)
    {
        var v3 = v.Square() * v;
        var v7 = v3.Square() * v;
        var r = u * v3 * (u * v7).Pow2523();
        var check = v * r.Square();
        var correctSignSqrt = check.ValueEquals(u);
        var flippedSignSqrt = check.ValueEquals(-u);
        var flippedSignSqrtI = check.ValueEquals(-u * SqrtM1);
        var rPrime = SqrtM1 * r;
        r = FieldElement.Select(r, rPrime, flippedSignSqrt | flippedSignSqrtI);
        return (correctSignSqrt | flippedSignSqrt, r.Abs());
    }
}
