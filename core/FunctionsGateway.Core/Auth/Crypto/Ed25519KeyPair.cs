using Org.BouncyCastle.Math.EC.Rfc8032;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// An Ed25519 key pair (RFC 8032 §5.1, pure Ed25519, no context) from a 32-byte seed, backed by
/// BouncyCastle's RFC 8032 implementation. Signatures are deterministic.
/// </summary>
public sealed class Ed25519KeyPair
{
    private readonly byte[] _seed;
    private readonly byte[] _publicKey;

    private Ed25519KeyPair(byte[] seed)
    {
        _seed = seed;
        _publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(_seed, 0, _publicKey, 0);
    }

    /// <summary>The 32-byte public key (the Substrate AccountId of this key).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Creates the key pair of an RFC 8032 secret key (the 32-byte seed).</summary>
    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SecretKeySize)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }

        return new Ed25519KeyPair(seed.ToArray());
    }

    /// <summary>Signs <paramref name="message"/> (RFC 8032 §5.1.6).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        var buffer = message.ToArray();
        Ed25519.Sign(_seed, 0, buffer, 0, buffer.Length, signature, 0);
        return signature;
    }

    /// <summary>Verifies an Ed25519 signature (RFC 8032 §5.1.7).</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != Ed25519.SignatureSize || publicKey.Length != Ed25519.PublicKeySize)
        {
            return false;
        }

        var buffer = message.ToArray();
        return Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, buffer, 0, buffer.Length);
    }
}
