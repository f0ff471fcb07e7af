namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// A point of edwards25519 (-x^2 + y^2 = 1 + d·x^2·y^2, RFC 7748 §4.1) in extended coordinates
/// (X:Y:Z:T) with x = X/Z, y = Y/Z, x·y = T/Z (Hisil, Wong, Carter, Dawson, "Twisted Edwards Curves
/// Revisited", 2008). The internal representation of <see cref="RistrettoPoint"/>.
/// </summary>
internal readonly struct EdwardsPoint
{
    /// <summary>d = -121665/121666 (RFC 7748 §4.1).</summary>
    public static readonly FieldElement D = -FieldElement.FromUInt64(121665) * FieldElement.FromUInt64(121666).Invert();

    private static readonly FieldElement D2 = D + D;

    public EdwardsPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t)
    {
        X = x;
        Y = y;
        Z = z;
        T = t;
    }

    public FieldElement X { get; }

    public FieldElement Y { get; }

    public FieldElement Z { get; }

    public FieldElement T { get; }

    public static EdwardsPoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>Unified addition, "add-2008-hwcd-3" (complete for a = -1 and non-square d).</summary>
    public static EdwardsPoint operator +(EdwardsPoint p, EdwardsPoint q)
    {
        var a = (p.Y - p.X) * (q.Y - q.X);
        var b = (p.Y + p.X) * (q.Y + q.X);
        var c = p.T * D2 * q.T;
        var d = p.Z * q.Z;
        d += d;
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    public static EdwardsPoint operator -(EdwardsPoint p) => new(-p.X, p.Y, p.Z, -p.T);

    public static EdwardsPoint operator -(EdwardsPoint p, EdwardsPoint q) => p + -q;

    /// <summary>Doubling, "dbl-2008-hwcd" with a = -1.</summary>
    public EdwardsPoint Double()
    {
        var a = X.Square();
        var b = Y.Square();
        var c = Z.Square();
        c += c;
        var d = -a;
        var e = (X + Y).Square() - a - b;
        var g = d + b;
        var f = g - c;
        var h = d - b;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    /// <summary>
    /// scalar·this for a 32-byte little-endian scalar: a double-and-always-add ladder that selects the
    /// result without branching on secret bits.
    /// </summary>
    public EdwardsPoint Multiply(ReadOnlySpan<byte> scalar)
    {
        var result = Identity;
        for (var i = 255; i >= 0; i--)
        {
            result = result.Double();
            var sum = result + this;
            var bit = ((scalar[i >> 3] >> (i & 7)) & 1) == 1;
            result = Select(result, sum, bit);
        }

        return result;
    }

    private static EdwardsPoint Select(EdwardsPoint a, EdwardsPoint b, bool choice) => new(
        FieldElement.Select(a.X, b.X, choice),
        FieldElement.Select(a.Y, b.Y, choice),
        FieldElement.Select(a.Z, b.Z, choice),
        FieldElement.Select(a.T, b.T, choice));
}
