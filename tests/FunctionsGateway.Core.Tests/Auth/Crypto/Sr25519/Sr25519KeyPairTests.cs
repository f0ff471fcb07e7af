using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

public sealed class Sr25519KeyPairTests
{
    [Theory]
    [MemberData(nameof(Sr25519TestVectors.MiniSecretPublicKeys), MemberType = typeof(Sr25519TestVectors))]
    public void FromMiniSecret_KnownSeed_MatchesPolkadotPublicKey(string miniSecret, string publicKey) =>
        Assert.Equal(publicKey, Convert.ToHexStringLower(Sr25519KeyPair.FromMiniSecret(Convert.FromHexString(miniSecret)).PublicKey));

    [Theory]
    [MemberData(nameof(Sr25519TestVectors.DevAccounts), MemberType = typeof(Sr25519TestVectors))]
    public void DeriveHard_DevPhraseJunction_MatchesSubstrateDevAccount(string junction, string publicKey)
    {
        var root = Sr25519KeyPair.FromMiniSecret(Convert.FromHexString(Sr25519TestVectors.DevPhraseMiniSecret));
        // Substrate's chain code of a text junction: SCALE(string) zero-padded to 32 bytes.
        var chainCode = new byte[32];
        chainCode[0] = (byte)(junction.Length << 2);
        Encoding.UTF8.GetBytes(junction).CopyTo(chainCode, 1);
        Assert.Equal(publicKey, Convert.ToHexStringLower(root.DeriveHard(chainCode).PublicKey));
    }

    [Fact]
    public void Verify_PolkadotSignature_ReturnsTrue() =>
        Assert.True(Sr25519KeyPair.Verify(
            Convert.FromHexString(Sr25519TestVectors.PolkadotSignature),
            Encoding.UTF8.GetBytes(Sr25519TestVectors.PolkadotSignatureMessage),
            Convert.FromHexString(Sr25519TestVectors.PolkadotSignaturePublicKey)));

    [Fact]
    public void Sign_ThenVerify_ReturnsTrue()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(new byte[32]);
        var signature = pair.Sign("hello"u8);
        Assert.Equal(64, signature.Length);
        Assert.Equal(0x80, signature[63] & 0x80);
        Assert.True(Sr25519KeyPair.Verify(signature, "hello"u8, pair.PublicKey));
    }

    [Fact]
    public void Verify_TamperedSignatureMessageOrKey_ReturnsFalse()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(Enumerable.Repeat((byte)1, 32).ToArray());
        var other = Sr25519KeyPair.FromMiniSecret(Enumerable.Repeat((byte)2, 32).ToArray());
        var signature = pair.Sign("message"u8);

        var flipped = (byte[])signature.Clone();
        flipped[5] ^= 1;
        Assert.False(Sr25519KeyPair.Verify(flipped, "message"u8, pair.PublicKey));
        Assert.False(Sr25519KeyPair.Verify(signature, "messagf"u8, pair.PublicKey));
        Assert.False(Sr25519KeyPair.Verify(signature, "message"u8, other.PublicKey));
        Assert.False(Sr25519KeyPair.Verify("other"u8, signature, "message"u8, pair.PublicKey));

        var unmarked = (byte[])signature.Clone();
        unmarked[63] &= 0x7f;
        Assert.False(Sr25519KeyPair.Verify(unmarked, "message"u8, pair.PublicKey));
    }

    [Fact]
    public void Sign_SameRandomness_IsDeterministic_DifferentRandomness_Differs()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(Enumerable.Repeat((byte)1, 32).ToArray());
        using var zeros1 = new FixedRandom(0);
        using var zeros2 = new FixedRandom(0);
        using var ones = new FixedRandom(1);
        var a = pair.Sign("m"u8, zeros1);
        var b = pair.Sign("m"u8, zeros2);
        var c = pair.Sign("m"u8, ones);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(Sr25519KeyPair.Verify(c, "m"u8, pair.PublicKey));
    }

    /// <summary>A "random" source that always yields one byte value, for deterministic signatures.</summary>
    private sealed class FixedRandom(byte value) : RandomNumberGenerator
    {
        public override void GetBytes(byte[] data) => Array.Fill(data, value);

        public override void GetBytes(Span<byte> data) => data.Fill(value);
    }
}
