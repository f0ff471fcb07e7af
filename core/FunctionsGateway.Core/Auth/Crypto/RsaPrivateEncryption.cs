using System.Numerics;
using System.Security.Cryptography;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Checks an RSA "private-key encryption" with PKCS#1 v1.5 type-1 padding (RFC 8017 §7.2 block format with block
/// type 1, as OpenSSL's <c>RSA_private_encrypt(…, RSA_PKCS1_PADDING)</c> and Node's <c>crypto.privateEncrypt</c> make
/// it): <c>EM = 00 01 FF…FF 00 ‖ payload</c>, at least eight <c>FF</c>, <b>no hash and no DigestInfo</b>, so
/// <see cref="RSA.VerifyHash(byte[], byte[], HashAlgorithmName, RSASignaturePadding)"/> cannot check it
/// (spec/compat.md §3.3). The public operation is done here with <see cref="BigInteger.ModPow"/>, and the block is
/// parsed strictly: the signature must be exactly the modulus length and below the modulus, the padding exactly as
/// above, and the payload byte for byte the expected one (compared in constant time), with nothing after it.
/// Pure: no I/O. The public operation works on public data only, so its timing reveals nothing secret.
/// </summary>
public static class RsaPrivateEncryption
{
    /// <summary>Fewest <c>FF</c> bytes of the padding string (RFC 8017 §7.2.1: |PS| ≥ 8).</summary>
    public const int MinPaddingBytes = 8;

    /// <summary>Smallest modulus accepted, in bits (Decoo's own sample code makes 1024-bit keys, compat §3.3).</summary>
    public const int MinModulusBits = 1024;

    /// <summary>Largest modulus accepted, in bits.</summary>
    public const int MaxModulusBits = 8192;

    /// <summary>Whether <paramref name="signature"/> is <paramref name="expectedPayload"/> encrypted with the private half of <paramref name="publicKey"/>.</summary>
    public static RsaBlockStatus Verify(RSAParameters publicKey, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> expectedPayload)
    {
        var status = TryRecover(publicKey, signature, out var payload);
        if (status != RsaBlockStatus.Valid)
        {
            return status;
        }

        // FixedTimeEquals is constant time for equal lengths; the length of the expected payload is public anyway.
        return payload.Length == expectedPayload.Length && CryptographicOperations.FixedTimeEquals(payload, expectedPayload)
            ? RsaBlockStatus.Valid
            : RsaBlockStatus.PayloadMismatch;
    }

    /// <summary>Runs the public operation and strips the type-1 padding; on success returns the payload.</summary>
    public static RsaBlockStatus TryRecover(RSAParameters publicKey, ReadOnlySpan<byte> signature, out byte[] payload)
    {
        payload = [];
        if (publicKey.Modulus is not { Length: > 0 } modulusBytes || publicKey.Exponent is not { Length: > 0 } exponentBytes)
        {
            return RsaBlockStatus.BadKey;
        }

        var n = new BigInteger(modulusBytes, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(exponentBytes, isUnsigned: true, isBigEndian: true);
        var k = (int)((n.GetBitLength() + 7) / 8);
        if (n.IsEven || e < 3 || e.IsEven || n.GetBitLength() < MinModulusBits || n.GetBitLength() > MaxModulusBits)
        {
            return RsaBlockStatus.BadKey;
        }

        if (signature.Length != k)
        {
            return RsaBlockStatus.WrongLength;
        }

        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        if (s >= n)
        {
            return RsaBlockStatus.OutOfRange;
        }

        var block = new byte[k];
        var m = BigInteger.ModPow(s, e, n);
        if (!m.TryWriteBytes(block.AsSpan(k - m.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true))
        {
            return RsaBlockStatus.BadPadding;
        }

        if (block[0] != 0x00 || block[1] != 0x01)
        {
            return RsaBlockStatus.BadPadding;
        }

        var i = 2;
        while (i < k && block[i] == 0xFF)
        {
            i++;
        }

        if (i - 2 < MinPaddingBytes)
        {
            return RsaBlockStatus.ShortPadding;
        }

        if (i == k || block[i] != 0x00)
        {
            return RsaBlockStatus.BadPadding;
        }

        payload = block[(i + 1)..];
        return RsaBlockStatus.Valid;
    }
}

/// <summary>The outcome of <see cref="RsaPrivateEncryption.Verify"/>.</summary>
public enum RsaBlockStatus
{
    /// <summary>The block is well formed and carries the expected payload.</summary>
    Valid,

    /// <summary>The key is not a usable RSA public key (modulus 1024–8192 bits, odd exponent ≥ 3).</summary>
    BadKey,

    /// <summary>The signature is not exactly as long as the modulus.</summary>
    WrongLength,

    /// <summary>The signature, as a number, is not below the modulus.</summary>
    OutOfRange,

    /// <summary>The block does not start <c>00 01</c>, or the padding is not <c>FF</c>… followed by <c>00</c>.</summary>
    BadPadding,

    /// <summary>Fewer than eight <c>FF</c> bytes of padding.</summary>
    ShortPadding,

    /// <summary>Well padded, but the payload is not the expected bytes (another message, or extra bytes).</summary>
    PayloadMismatch,
}
