using System.Security.Cryptography;

namespace FunctionsGateway.Core.Auth.Crypto.Sr25519;

/// <summary>
/// An sr25519 key pair: Schnorr signatures over ristretto255 with Merlin transcripts, as specified by
/// w3f/schnorrkel (<c>keys.rs</c>, <c>sign.rs</c>, <c>context.rs</c>, <c>derive.rs</c>) and used by
/// Substrate and <c>@polkadot/util-crypto</c>. Keys come from a 32-byte mini-secret expanded in
/// schnorrkel's <c>ExpansionMode::Ed25519</c>, as polkadot does. Pure: randomness for the signing
/// nonce is taken from a caller-supplied <see cref="RandomNumberGenerator"/> (default: the system's).
/// </summary>
public sealed class Sr25519KeyPair
{
    /// <summary>The signing context Substrate uses for transactions and <c>signRaw</c> (sp-core <c>SIGNING_CTX</c>).</summary>
    public static ReadOnlySpan<byte> SubstrateContext => "substrate"u8;

    // key: the secret scalar, divided by the cofactor as schnorrkel keeps it; nonce: the signing-nonce seed.
    private static readonly RandomNumberGenerator SystemRandom = RandomNumberGenerator.Create();

    private readonly byte[] _key;
    private readonly byte[] _nonce;
    private readonly byte[] _publicKey;

    private Sr25519KeyPair(byte[] key, byte[] nonce)
    {
        _key = key;
        _nonce = nonce;
        _publicKey = RistrettoPoint.Generator.Multiply(key).Encode();
    }

    /// <summary>The 32-byte compressed ristretto255 public key (the Substrate AccountId of this key).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>
    /// Expands a mini-secret as schnorrkel <c>MiniSecretKey::expand(ExpansionMode::Ed25519)</c>: SHA-512 of
    /// the mini-secret; the first half clamped as in RFC 8032 §5.1.5 and divided by the cofactor 8 is the
    /// secret scalar, the second half is the nonce seed.
    /// </summary>
    public static Sr25519KeyPair FromMiniSecret(ReadOnlySpan<byte> miniSecret)
    {
        if (miniSecret.Length != 32)
        {
            throw new ArgumentException("An sr25519 mini-secret is 32 bytes.", nameof(miniSecret));
        }

        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(miniSecret, hash);
        var key = hash[..32].ToArray();
        key[0] &= 248;
        key[31] &= 63;
        key[31] |= 64;
        DivideByCofactor(key);
        var nonce = hash[32..].ToArray();
        CryptographicOperations.ZeroMemory(hash);
        return new Sr25519KeyPair(key, nonce);
    }

    /// <summary>
    /// Signs <paramref name="message"/> in the <c>substrate</c> context (schnorrkel
    /// <c>SigningContext::new(b"substrate").bytes(message)</c>), as polkadot's <c>sr25519Sign</c> does.
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> message, RandomNumberGenerator? random = null) =>
        Sign(SubstrateContext, message, random);

    /// <summary>Signs <paramref name="message"/> in the given signing context. Returns R ‖ s with the schnorrkel marker bit.</summary>
    public byte[] Sign(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, RandomNumberGenerator? random = null)
    {
        var transcript = SigningTranscript(context, message, _publicKey);

        Span<byte> wide = stackalloc byte[64];
        transcript.WitnessBytes("signing"u8, _nonce, random ?? SystemRandom, wide);
        var r = Scalar25519.Reduce(wide);
        var bigR = RistrettoPoint.Generator.Multiply(r).Encode();
        transcript.AppendMessage("sign:R"u8, bigR);

        transcript.ChallengeBytes("sign:c"u8, wide);
        var k = Scalar25519.Reduce(wide);
        var s = Scalar25519.MultiplyAdd(k, _key, r);
        CryptographicOperations.ZeroMemory(r);

        var signature = new byte[64];
        bigR.CopyTo(signature, 0);
        s.CopyTo(signature, 32);
        signature[63] |= 0x80; // schnorrkel marks its signatures to tell them from ed25519 ones
        return signature;
    }

    /// <summary>Verifies an sr25519 signature in the <c>substrate</c> context.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey) =>
        Verify(SubstrateContext, signature, message, publicKey);

    /// <summary>Verifies an sr25519 signature (schnorrkel <c>PublicKey::verify</c>): s·B − k·A must encode to R.</summary>
    public static bool Verify(ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != 64 || publicKey.Length != 32 || (signature[63] & 0x80) == 0)
        {
            return false;
        }

        var s = signature[32..].ToArray();
        s[31] &= 0x7f;
        if (!Scalar25519.IsCanonical(s) || RistrettoPoint.Decode(publicKey) is not { } a)
        {
            return false;
        }

        var transcript = SigningTranscript(context, message, publicKey);
        transcript.AppendMessage("sign:R"u8, signature[..32]);
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes("sign:c"u8, wide);
        var k = Scalar25519.Reduce(wide);

        var expected = RistrettoPoint.Generator.Multiply(s) - a.Multiply(k);
        return CryptographicOperations.FixedTimeEquals(expected.Encode(), signature[..32]);
    }

    /// <summary>
    /// Hard derivation (schnorrkel <c>SecretKey::hard_derive_mini_secret_key</c> with an empty message, then
    /// expansion in Ed25519 mode), as Substrate derives <c>//junction</c> paths. <paramref name="chainCode"/>
    /// is the junction's 32-byte chain code.
    /// </summary>
    public Sr25519KeyPair DeriveHard(ReadOnlySpan<byte> chainCode)
    {
        if (chainCode.Length != 32)
        {
            throw new ArgumentException("A chain code is 32 bytes.", nameof(chainCode));
        }

        var transcript = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        transcript.AppendMessage("sign-bytes"u8, []);
        transcript.AppendMessage("chain-code"u8, chainCode);
        transcript.AppendMessage("secret-key"u8, _key);
        Span<byte> miniSecret = stackalloc byte[32];
        transcript.ChallengeBytes("HDKD-hard"u8, miniSecret);
        var derived = FromMiniSecret(miniSecret);
        CryptographicOperations.ZeroMemory(miniSecret);
        return derived;
    }

    private static MerlinTranscript SigningTranscript(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        // context.rs: SigningContext::new(ctx) = Transcript("SigningContext") + append("", ctx); bytes(m) appends "sign-bytes".
        var transcript = new MerlinTranscript("SigningContext"u8);
        transcript.AppendMessage([], context);
        transcript.AppendMessage("sign-bytes"u8, message);
        // sign.rs: proto_name "Schnorr-sig", then the public key under "sign:pk".
        transcript.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        transcript.AppendMessage("sign:pk"u8, publicKey);
        return transcript;
    }

    /// <summary>Divides a little-endian 256-bit integer by 8 in place (schnorrkel <c>divide_scalar_bytes_by_cofactor</c>).</summary>
    private static void DivideByCofactor(Span<byte> scalar)
    {
        byte low = 0;
        for (var i = scalar.Length - 1; i >= 0; i--)
        {
            var remainder = (byte)(scalar[i] & 0b111);
            scalar[i] = (byte)((scalar[i] >> 3) + low);
            low = (byte)(remainder << 5);
        }
    }
}
