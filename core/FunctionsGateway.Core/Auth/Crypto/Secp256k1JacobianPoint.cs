namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// A point of secp256k1 (y² = x³ + 7) in Jacobian coordinates (x = X/Z², y = Y/Z³; Z = 0 is the point at
/// infinity), with the a = 0 doubling "dbl-2009-l" and the addition "add-2007-bl" of the Explicit-Formulas
/// Database (https://hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html). Allocation-free.
/// </summary>
internal readonly struct Secp256k1JacobianPoint
{
    private Secp256k1JacobianPoint(in Secp256k1FieldElement x, in Secp256k1FieldElement y, in Secp256k1FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public Secp256k1FieldElement X { get; }

    public Secp256k1FieldElement Y { get; }

    public Secp256k1FieldElement Z { get; }

    public static Secp256k1JacobianPoint Infinity => default;

    public bool IsInfinity => Z.IsZero;

    public static Secp256k1JacobianPoint FromAffine(in Secp256k1FieldElement x, in Secp256k1FieldElement y) => new(x, y, Secp256k1FieldElement.One);

    public Secp256k1JacobianPoint Double()
    {
        if (IsInfinity || Y.IsZero)
        {
            return Infinity;
        }

        // Small multiples by additions, which are far cheaper than a reduction.
        var a = X.Square();
        var b = Y.Square();
        var c = b.Square();
        var halfD = (X + b).Square() - a - c;
        var d = halfD + halfD;
        var e = a + a + a;
        var f = e.Square();
        var x3 = f - (d + d);
        var c2 = c + c;
        var c4 = c2 + c2;
        var y3 = (e * (d - x3)) - (c4 + c4);
        var yz = Y * Z;
        return new Secp256k1JacobianPoint(x3, y3, yz + yz);
    }

    public Secp256k1JacobianPoint Add(in Secp256k1JacobianPoint other)
    {
        if (IsInfinity)
        {
            return other;
        }

        if (other.IsInfinity)
        {
            return this;
        }

        var z1z1 = Z.Square();
        var z2z2 = other.Z.Square();
        var u1 = X * z2z2;
        var u2 = other.X * z1z1;
        var s1 = Y * other.Z * z2z2;
        var s2 = other.Y * Z * z1z1;
        var h = u2 - u1;
        var halfR = s2 - s1;
        var r = halfR + halfR;
        if (h.IsZero)
        {
            // Same x: the same point (double it) or its negation (the sum is infinity).
            return r.IsZero ? Double() : Infinity;
        }

        var i = (h + h).Square();
        var j = h * i;
        var v = u1 * i;
        var x3 = r.Square() - j - (v + v);
        var s1j = s1 * j;
        var y3 = (r * (v - x3)) - (s1j + s1j);
        var z3 = ((Z + other.Z).Square() - z1z1 - z2z2) * h;
        return new Secp256k1JacobianPoint(x3, y3, z3);
    }

    /// <summary>Affine x and y; false for the point at infinity.</summary>
    public bool TryToAffine(out Secp256k1FieldElement x, out Secp256k1FieldElement y)
    {
        if (IsInfinity)
        {
            x = y = default;
            return false;
        }

        var zInverse = Z.Invert();
        var zInverse2 = zInverse.Square();
        x = X * zInverse2;
        y = Y * zInverse2 * zInverse;
        return true;
    }

    /// <summary>
    /// a·P + b·Q by Shamir's trick over 4-bit windows (a and b as 32-byte big-endian scalars): 256 doublings and
    /// at most 128 additions, with the 16-entry table of P given (<paramref name="pTable"/>, fixed for the generator).
    /// </summary>
    public static Secp256k1JacobianPoint MultiplyAdd(ReadOnlySpan<Secp256k1JacobianPoint> pTable, ReadOnlySpan<byte> a, in Secp256k1JacobianPoint q, ReadOnlySpan<byte> b)
    {
        Span<Secp256k1JacobianPoint> qTable = stackalloc Secp256k1JacobianPoint[16];
        FillTable(q, qTable);
        var accumulator = Infinity;
        for (var i = 0; i < 64; i++)
        {
            accumulator = accumulator.Double().Double().Double().Double();
            var shift = (i & 1) == 0 ? 4 : 0;
            var aNibble = (a[i / 2] >> shift) & 0xF;
            var bNibble = (b[i / 2] >> shift) & 0xF;
            if (aNibble != 0)
            {
                accumulator = accumulator.Add(pTable[aNibble]);
            }

            if (bNibble != 0)
            {
                accumulator = accumulator.Add(qTable[bNibble]);
            }
        }

        return accumulator;
    }

    /// <summary>table[k] = k·point for k = 0..15.</summary>
    public static void FillTable(in Secp256k1JacobianPoint point, Span<Secp256k1JacobianPoint> table)
    {
        table[0] = Infinity;
        table[1] = point;
        for (var k = 2; k < table.Length; k++)
        {
            table[k] = (k & 1) == 0 ? table[k / 2].Double() : table[k - 1].Add(point);
        }
    }
}
