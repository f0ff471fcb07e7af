using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using NumericInteger = System.Numerics.BigInteger;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// ECDSA over secp256k1 (SEC 2 §2.4.1, https://www.secg.org/sec2-v2.pdf): public keys, deterministic signing
/// (RFC 6979, https://www.rfc-editor.org/rfc/rfc6979, with HMAC-SHA-256), public-key recovery (SEC 1 v2 §4.1.6,
/// https://www.secg.org/sec1-v2.pdf) and verification. Signatures are always produced in the canonical low-s
/// form (EIP-2); recovery and verification accept high s unless the caller asks for strictness, and then
/// report <see cref="SignatureStatus.HighS"/>. The field and point arithmetic is BouncyCastle's (its custom
/// secp256k1 curve with the GLV endomorphism); the protocol steps above it are written here. Pure: no I/O.
/// </summary>
public static class Secp256k1
{
    /// <summary>Length of a private key, r, s and a message hash.</summary>
    public const int ScalarLength = 32;

    /// <summary>Length of an uncompressed SEC 1 public key, <c>0x04 ‖ X ‖ Y</c>.</summary>
    public const int PublicKeyLength = 65;

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BcBigInteger N = Curve.N;
    private static readonly BcBigInteger HalfN = N.ShiftRight(1);
    private static readonly BcBigInteger P = Curve.Curve.Field.Characteristic;
    private static readonly byte[] HalfOrder = ToScalarBytes(HalfN);
    private static readonly byte[] Order = ToScalarBytes(N);
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();
    private static readonly NumericInteger NumericN = new(Order, isUnsigned: true, isBigEndian: true);
    private static readonly Secp256k1FieldElement Seven = Secp256k1FieldElement.FromUInt64(7);
    private static readonly Secp256k1JacobianPoint[] GeneratorTable = BuildGeneratorTable();

    /// <summary>True when <paramref name="privateKey"/> is 32 bytes and in [1, n-1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != ScalarLength)
        {
            return false;
        }

        var d = ToInteger(privateKey);
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    }

    /// <summary>The uncompressed public key <c>0x04 ‖ X ‖ Y</c> of a 32-byte private key.</summary>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        var d = ToPrivateScalar(privateKey);
        return BaseMultiplier.Multiply(Curve.G, d).Normalize().GetEncoded(false);
    }

    /// <summary>
    /// Signs a 32-byte hash with the RFC 6979 nonce. The result is low-s (s ≤ n/2) and carries the recovery
    /// id of R, flipped when s was negated.
    /// </summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey)
    {
        RequireHash(hash);
        var d = ToPrivateScalar(privateKey);
        var hashArray = hash.ToArray();
        var e = new BcBigInteger(1, hashArray);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(N, d, hashArray);
        while (true)
        {
            var k = nonces.NextK();
            var point = BaseMultiplier.Multiply(Curve.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // (r, n - s) is the same signature with R mirrored, so R.y's parity flips.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            return new EcdsaSignature(ToScalarBytes(r), ToScalarBytes(s), recoveryId);
        }
    }

    /// <summary>
    /// Recovers the signer's public key (SEC 1 §4.1.6) into <paramref name="publicKey"/> (65 bytes,
    /// <c>0x04 ‖ X ‖ Y</c>). With <paramref name="requireLowS"/> a signature with s &gt; n/2 is refused as
    /// <see cref="SignatureStatus.HighS"/>; without it, it recovers like Ethereum's <c>ecrecover</c>.
    /// The point arithmetic here is our own allocation-free field and Jacobian code.
    /// </summary>
    public static SignatureStatus TryRecoverPublicKey(ReadOnlySpan<byte> hash, in EcdsaSignature signature, Span<byte> publicKey, bool requireLowS = false)
    {
        if (hash.Length != ScalarLength || publicKey.Length < PublicKeyLength)
        {
            return SignatureStatus.InvalidLength;
        }

        var status = CheckScalars(signature, requireLowS);
        if (status != SignatureStatus.Valid)
        {
            return status;
        }

        // Step 1.1–1.3: R has x = r + j·n (j = recovery id bit 1) and the y parity of bit 0.
        Span<byte> scalar = stackalloc byte[ScalarLength];
        if ((signature.RecoveryId & 2) != 0)
        {
            var shifted = ToInteger(signature.R).Add(N);
            if (shifted.CompareTo(P) >= 0)
            {
                return SignatureStatus.NoSuchPoint;
            }

            WriteScalar(shifted, scalar);
        }
        else
        {
            signature.R.CopyTo(scalar);
        }

        Secp256k1FieldElement.TryRead(scalar, out var x);
        if (!((x.Square() * x) + Seven).TrySqrt(out var y))
        {
            return SignatureStatus.NoSuchPoint;
        }

        if (y.IsOdd != ((signature.RecoveryId & 1) != 0))
        {
            y = y.Negate();
        }

        // Step 1.6: Q = r⁻¹(sR − eG) = (−e·r⁻¹)G + (s·r⁻¹)R; r⁻¹ by our binary inversion, the two products
        // with System.Numerics (a few small allocations, the only ones on this path).
        Span<byte> u1 = stackalloc byte[ScalarLength];
        Span<byte> u2 = stackalloc byte[ScalarLength];
        Secp256k1ScalarInverse.Invert(signature.R, u1);
        var rInverse = new NumericInteger(u1, isUnsigned: true, isBigEndian: true);
        var e = new NumericInteger(hash, isUnsigned: true, isBigEndian: true) % NumericN;
        WriteScalar((NumericN - e) * rInverse % NumericN, u1);
        WriteScalar(new NumericInteger(signature.S, isUnsigned: true, isBigEndian: true) * rInverse % NumericN, u2);
        var q = Secp256k1JacobianPoint.MultiplyAdd(GeneratorTable, u1, Secp256k1JacobianPoint.FromAffine(x, y), u2);
        if (!q.TryToAffine(out var qx, out var qy))
        {
            return SignatureStatus.NoSuchPoint;
        }

        publicKey[0] = 0x04;
        qx.Write(publicKey.Slice(1, 32));
        qy.Write(publicKey.Slice(33, 32));
        return SignatureStatus.Valid;
    }

    /// <summary>Verifies a signature against an uncompressed (65-byte) or compressed (33-byte) SEC 1 public key.</summary>
    public static SignatureStatus Verify(ReadOnlySpan<byte> hash, in EcdsaSignature signature, ReadOnlySpan<byte> publicKey, bool requireLowS = false)
    {
        if (hash.Length != ScalarLength)
        {
            return SignatureStatus.InvalidLength;
        }

        var status = CheckScalars(signature, requireLowS);
        if (status != SignatureStatus.Valid)
        {
            return status;
        }

        var r = ToInteger(signature.R);
        var s = ToInteger(signature.S);
        ECPoint q;
        try
        {
            q = Curve.Curve.DecodePoint(publicKey.ToArray());
        }
        catch (ArgumentException)
        {
            return SignatureStatus.NoSuchPoint;
        }

        // SEC 1 §4.1.4: R = (e·s⁻¹)G + (r·s⁻¹)Q, valid iff R.x ≡ r (mod n).
        var sInverse = s.ModInverse(N);
        var u1 = ToInteger(hash).Multiply(sInverse).Mod(N);
        var u2 = r.Multiply(sInverse).Mod(N);
        var point = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, q, u2).Normalize();
        if (point.IsInfinity)
        {
            return SignatureStatus.Mismatch;
        }

        return point.AffineXCoord.ToBigInteger().Mod(N).Equals(r) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }

    /// <summary>True when the 32-byte big-endian <paramref name="s"/> is at most n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> s) => s.Length == ScalarLength && s.SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>The compressed or uncompressed SEC 1 encoding of a public key as the uncompressed 65-byte form.</summary>
    public static byte[] DecompressPublicKey(ReadOnlySpan<byte> publicKey) =>
        Curve.Curve.DecodePoint(publicKey.ToArray()).Normalize().GetEncoded(false);

    private static SignatureStatus CheckScalars(in EcdsaSignature signature, bool requireLowS)
    {
        // SEC 1 §4.1.4 step 1: r and s in [1, n − 1], compared as 32-byte big-endian numbers.
        if (!signature.R.ContainsAnyExcept((byte)0) || !signature.S.ContainsAnyExcept((byte)0)
            || signature.R.SequenceCompareTo(Order) >= 0 || signature.S.SequenceCompareTo(Order) >= 0)
        {
            return SignatureStatus.ScalarOutOfRange;
        }

        return requireLowS && !IsLowS(signature.S) ? SignatureStatus.HighS : SignatureStatus.Valid;
    }

    private static BcBigInteger ToPrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (!IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("A secp256k1 private key is 32 bytes in [1, n-1].", nameof(privateKey));
        }

        return ToInteger(privateKey);
    }

    private static void RequireHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != ScalarLength)
        {
            throw new ArgumentException("The message hash must be 32 bytes.", nameof(hash));
        }
    }

    private static BcBigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian.ToArray());

    private static byte[] ToScalarBytes(BcBigInteger value)
    {
        var bytes = new byte[ScalarLength];
        WriteScalar(value, bytes);
        return bytes;
    }

    private static void WriteScalar(NumericInteger value, Span<byte> destination)
    {
        destination.Clear();
        value.TryWriteBytes(destination[(ScalarLength - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static Secp256k1JacobianPoint[] BuildGeneratorTable()
    {
        Span<byte> coordinate = stackalloc byte[ScalarLength];
        WriteScalar(Curve.G.AffineXCoord.ToBigInteger(), coordinate);
        Secp256k1FieldElement.TryRead(coordinate, out var gx);
        WriteScalar(Curve.G.AffineYCoord.ToBigInteger(), coordinate);
        Secp256k1FieldElement.TryRead(coordinate, out var gy);
        var table = new Secp256k1JacobianPoint[16];
        Secp256k1JacobianPoint.FillTable(Secp256k1JacobianPoint.FromAffine(gx, gy), table);
        return table;
    }

    private static void WriteScalar(BcBigInteger value, Span<byte> destination)
    {
        var magnitude = value.ToByteArrayUnsigned();
        destination[..(ScalarLength - magnitude.Length)].Clear();
        magnitude.CopyTo(destination[(ScalarLength - magnitude.Length)..]);
    }
}
