using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Secp256k1Tests
{
    private static readonly BigInteger N = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    [Theory]
    [MemberData(nameof(Secp256k1TestVectors.Rfc6979), MemberType = typeof(Secp256k1TestVectors))]
    public void Sign_Rfc6979Vector_ProducesPublishedSignature(string privateKey, string message, string r, string s)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(message));

        var signature = Secp256k1.Sign(hash, Convert.FromHexString(privateKey));

        Assert.Equal(r, Convert.ToHexStringLower(signature.R));
        Assert.Equal(s, Convert.ToHexStringLower(signature.S));
        Assert.True(signature.IsLowS);
    }

    [Theory]
    [MemberData(nameof(Secp256k1TestVectors.Rfc6979), MemberType = typeof(Secp256k1TestVectors))]
    public void TryRecoverPublicKey_Rfc6979Vector_ReturnsSignersKey(string privateKey, string message, string r, string s)
    {
        _ = r;
        _ = s;
        var key = Convert.FromHexString(privateKey);
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(message));
        var signature = Secp256k1.Sign(hash, key);
        var recovered = new byte[65];

        var status = Secp256k1.TryRecoverPublicKey(hash, signature, recovered, requireLowS: true);

        Assert.Equal(SignatureStatus.Valid, status);
        Assert.Equal(Secp256k1.GetPublicKey(key), recovered);
        Assert.Equal(SignatureStatus.Valid, Secp256k1.Verify(hash, signature, recovered));
    }

    [Theory]
    [MemberData(nameof(Secp256k1TestVectors.KeyToAddress), MemberType = typeof(Secp256k1TestVectors))]
    public void GetPublicKey_KnownKey_DerivesKnownAddress(string privateKey, string address)
    {
        var publicKey = Secp256k1.GetPublicKey(Convert.FromHexString(privateKey));

        Assert.Equal(65, publicKey.Length);
        Assert.Equal(address, EthereumAddress.FromPublicKey(publicKey).ToString());
    }

    [Fact]
    public void TryRecoverPublicKey_EitherRecoveryId_GivesKeysBouncyCastleVerifies()
    {
        // Our recovery arithmetic against BouncyCastle's independent ECDSA verification: both candidate keys
        // (recovery id 0 and 1) are keys the signature verifies for, and the right one is the signer's.
        var random = new Random(61);
        for (var i = 0; i < 40; i++)
        {
            var key = NextKey(random);
            var hash = NextBytes(random, 32);
            var signature = Secp256k1.Sign(hash, key);
            var other = new EcdsaSignature(signature.R, signature.S, signature.RecoveryId ^ 1);
            var recovered = new byte[65];
            var otherRecovered = new byte[65];

            Assert.Equal(SignatureStatus.Valid, Secp256k1.TryRecoverPublicKey(hash, signature, recovered));
            Assert.Equal(SignatureStatus.Valid, Secp256k1.TryRecoverPublicKey(hash, other, otherRecovered));

            Assert.Equal(Secp256k1.GetPublicKey(key), recovered);
            Assert.NotEqual(recovered, otherRecovered);
            Assert.Equal(SignatureStatus.Valid, Secp256k1.Verify(hash, other, otherRecovered));
        }
    }

    [Fact]
    public void TryRecoverPublicKey_HighS_RecoversUnlessStrict()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var hash = Keccak256.Hash("high s"u8);
        var low = Secp256k1.Sign(hash, key);
        var high = Mirror(low);
        var recovered = new byte[65];

        Assert.False(high.IsLowS);
        Assert.Equal(SignatureStatus.HighS, Secp256k1.TryRecoverPublicKey(hash, high, recovered, requireLowS: true));
        Assert.Equal(SignatureStatus.Valid, Secp256k1.TryRecoverPublicKey(hash, high, recovered));
        Assert.Equal(Secp256k1.GetPublicKey(key), recovered);
        Assert.Equal(SignatureStatus.HighS, Secp256k1.Verify(hash, high, recovered, requireLowS: true));
        Assert.Equal(SignatureStatus.Valid, Secp256k1.Verify(hash, high, recovered));
    }

    [Fact]
    public void TryRecoverPublicKey_ScalarsOutOfRange_ReportsScalarOutOfRange()
    {
        var hash = new byte[32];
        var nBytes = N.ToByteArray(isUnsigned: true, isBigEndian: true);
        var recovered = new byte[65];

        Assert.Equal(SignatureStatus.ScalarOutOfRange, Secp256k1.TryRecoverPublicKey(hash, new EcdsaSignature(new byte[32], [1], 0), recovered));
        Assert.Equal(SignatureStatus.ScalarOutOfRange, Secp256k1.TryRecoverPublicKey(hash, new EcdsaSignature([1], nBytes, 0), recovered));
        Assert.Equal(SignatureStatus.InvalidLength, Secp256k1.TryRecoverPublicKey(new byte[31], new EcdsaSignature([1], [1], 0), recovered));
    }

    [Fact]
    public void TryRecoverPublicKey_XNotOnCurve_ReportsNoSuchPoint()
    {
        // x = 5 gives y² = 132, a quadratic non-residue modulo p: no point has that x.
        var status = Secp256k1.TryRecoverPublicKey(new byte[32], new EcdsaSignature([5], [1], 0), new byte[65]);

        Assert.Equal(SignatureStatus.NoSuchPoint, status);
    }

    [Fact]
    public void Verify_OtherKey_ReportsMismatch()
    {
        var hash = Keccak256.Hash("mismatch"u8);
        var signature = Secp256k1.Sign(hash, RandomNumberGenerator.GetBytes(32));

        Assert.Equal(SignatureStatus.Mismatch, Secp256k1.Verify(hash, signature, Secp256k1.GetPublicKey(RandomNumberGenerator.GetBytes(32))));
    }

    [Fact]
    public void IsValidPrivateKey_BoundaryKeys_AcceptsOnlyOneToNMinusOne()
    {
        Assert.False(Secp256k1.IsValidPrivateKey(new byte[32]));
        Assert.False(Secp256k1.IsValidPrivateKey(N.ToByteArray(isUnsigned: true, isBigEndian: true)));
        Assert.False(Secp256k1.IsValidPrivateKey(new byte[31]));
        Assert.True(Secp256k1.IsValidPrivateKey((N - 1).ToByteArray(isUnsigned: true, isBigEndian: true)));
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[32], new byte[32]));
    }

    [Fact]
    public async Task Sign_RandomKeysAndHashes_EqualsEthersSigningKey()
    {
        var random = new Random(6979);
        var cases = Enumerable.Range(0, 40).Select(_ => (Key: NextKey(random), Hash: NextBytes(random, 32))).ToList();

        var reference = await EthersReference.RunAsync("signHash", cases.Select(c => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["privateKey"] = EthereumHex.EncodeData(c.Key),
            ["hash"] = EthereumHex.EncodeData(c.Hash),
        }));

        for (var i = 0; i < cases.Count; i++)
        {
            var signature = Secp256k1.Sign(cases[i].Hash, cases[i].Key);
            Assert.Equal((string?)reference[i].Value!["r"], EthereumHex.EncodeData(signature.R));
            Assert.Equal((string?)reference[i].Value!["s"], EthereumHex.EncodeData(signature.S));
            Assert.Equal((int)reference[i].Value!["yParity"]!, signature.RecoveryId);
        }
    }

    internal static byte[] NextKey(Random random)
    {
        while (true)
        {
            var key = NextBytes(random, 32);
            if (Secp256k1.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }

    internal static byte[] NextBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static EcdsaSignature Mirror(EcdsaSignature signature)
    {
        var s = new BigInteger(signature.S, isUnsigned: true, isBigEndian: true);
        return new EcdsaSignature(signature.R, (N - s).ToByteArray(isUnsigned: true, isBigEndian: true), signature.RecoveryId ^ 1);
    }
}
