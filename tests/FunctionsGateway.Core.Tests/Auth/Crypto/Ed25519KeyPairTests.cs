using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Tests.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Ed25519KeyPairTests
{
    [Theory]
    [MemberData(nameof(SubstrateTestVectors.Ed25519), MemberType = typeof(SubstrateTestVectors))]
    public void Sign_Rfc8032Vector_MatchesAndVerifies(string secret, string publicKey, string message, string signature)
    {
        var pair = Ed25519KeyPair.FromSeed(Convert.FromHexString(secret));
        var data = Convert.FromHexString(message);

        Assert.Equal(publicKey, Convert.ToHexStringLower(pair.PublicKey));
        Assert.Equal(signature, Convert.ToHexStringLower(pair.Sign(data)));
        Assert.True(Ed25519KeyPair.Verify(Convert.FromHexString(signature), data, pair.PublicKey));
    }

    [Fact]
    public void Verify_TamperedMessage_ReturnsFalse()
    {
        var pair = Ed25519KeyPair.FromSeed(new byte[32]);
        var signature = pair.Sign("m"u8);
        Assert.False(Ed25519KeyPair.Verify(signature, "n"u8, pair.PublicKey));
    }

    [Fact]
    public void PublicKey_SeedOnes_MatchesSpec() =>
        // spec/cess.md §4.4: ed25519 seed 0x01×32.
        Assert.Equal("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c",
            Convert.ToHexStringLower(Ed25519KeyPair.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray()).PublicKey));
}
