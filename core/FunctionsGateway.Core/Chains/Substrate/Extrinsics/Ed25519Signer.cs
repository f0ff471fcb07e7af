using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>Signs extrinsics with an ed25519 key (<c>MultiSignature::Ed25519</c>).</summary>
public sealed class Ed25519Signer : ISubstrateSigner
{
    private readonly Ed25519KeyPair _keyPair;

    public Ed25519Signer(Ed25519KeyPair keyPair)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        _keyPair = keyPair;
    }

    public static Ed25519Signer FromSeed(ReadOnlySpan<byte> seed) => new(Ed25519KeyPair.FromSeed(seed));

    public ReadOnlySpan<byte> AccountId => _keyPair.PublicKey;

    public SignatureScheme Scheme => SignatureScheme.Ed25519;

    public byte[] Sign(ReadOnlySpan<byte> payload) => _keyPair.Sign(payload);
}
