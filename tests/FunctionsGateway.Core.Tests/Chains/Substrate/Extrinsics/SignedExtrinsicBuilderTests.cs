using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Chains.Substrate.Scale;
using FunctionsGateway.Core.Tests.Chains.Cess;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Extrinsics;

public sealed class SignedExtrinsicBuilderTests
{
    private static readonly byte[] Genesis = Enumerable.Repeat((byte)0x45, 32).ToArray();

    private static TransactionParameters Spec100(uint nonce = 0) =>
        new(100, 1, Genesis, ExtrinsicEra.Immortal, Genesis, nonce, UInt128.Zero);

    [Fact]
    public void Build_Ed25519AuthorizeVector_MatchesSpecBytes()
    {
        var signer = Ed25519Signer.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray());
        var operatorKey = Ed25519KeyPair.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());
        var call = CessCalls.Authorize(operatorKey.PublicKey);

        Assert.Equal(CessTestVectors.AuthorizePayload,
            Convert.ToHexStringLower(SignedExtrinsicBuilder.SigningPayload(call, TransactionExtensionLayout.Cess, Spec100())));
        var extrinsic = SignedExtrinsicBuilder.Build(call, signer, TransactionExtensionLayout.Cess, Spec100());
        Assert.Equal(CessTestVectors.AuthorizeExtrinsic, Convert.ToHexStringLower(extrinsic.Bytes.Span));
        Assert.Equal(CessTestVectors.AuthorizeTransactionHash, extrinsic.ToHex()[..2] + Convert.ToHexStringLower(extrinsic.Hash.Span));
    }

    [Fact]
    public void SigningPayload_LongerThan256Bytes_IsBlake2Hashed()
    {
        var call = CessCalls.Remark(new byte[300]);
        var payload = SignedExtrinsicBuilder.SigningPayload(call, TransactionExtensionLayout.Cess, Spec100());
        Assert.Equal(32, payload.Length);
    }

    [Fact]
    public void Build_Sr25519Signer_LaysOutVariantOneAndVerifiableSignature()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(Enumerable.Repeat((byte)1, 32).ToArray());
        var call = CessCalls.Remark("hello cess"u8);
        var parameters = Spec100(5) with { Era = ExtrinsicEra.Mortal(64, 100), EraBlockHash = new byte[32], Tip = 7 };

        var extrinsic = SignedExtrinsicBuilder.Build(call, new Sr25519Signer(pair), TransactionExtensionLayout.Cess, parameters);

        var reader = new ScaleReader(extrinsic.Bytes);
        var length = reader.ReadLength();
        Assert.Equal(reader.Remaining, length);
        Assert.Equal(0x84, reader.ReadU8());
        Assert.Equal(0, reader.ReadU8()); // MultiAddress::Id
        Assert.Equal(pair.PublicKey.ToArray(), reader.ReadFixedBytes(32));
        Assert.Equal(1, reader.ReadU8()); // MultiSignature::Sr25519
        var signature = reader.ReadFixedBytes(64);
        Assert.Equal(ExtrinsicEra.Mortal(64, 100), ExtrinsicEra.Decode(reader.ReadRaw(2)));
        Assert.Equal(5UL, reader.ReadCompact());
        Assert.Equal(7UL, reader.ReadCompact());
        Assert.Equal(call, reader.ReadRaw(reader.Remaining).ToArray());
        Assert.True(Sr25519KeyPair.Verify(signature, SignedExtrinsicBuilder.SigningPayload(call, TransactionExtensionLayout.Cess, parameters), pair.PublicKey));
    }
}
