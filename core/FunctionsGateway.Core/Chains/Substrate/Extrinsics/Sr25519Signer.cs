using System.Security.Cryptography;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>Signs extrinsics with an sr25519 key in the <c>substrate</c> context (<c>MultiSignature::Sr25519</c>).</summary>
public sealed class Sr25519Signer : ISubstrateSigner
{
    private readonly Sr25519KeyPair _keyPair;
    private readonly RandomNumberGenerator? _random;

    /// <param name="keyPair">The key.</param>
    /// <param name="random">The source of the signing nonce's extra randomness; null for the system's (tests pass a fixed one).</param>
    public Sr25519Signer(Sr25519KeyPair keyPair, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        _keyPair = keyPair;
        _random = random;
    }

    /// <summary>A signer for the key expanded from a 32-byte mini-secret (what polkadot calls the seed).</summary>
    public static Sr25519Signer FromMiniSecret(ReadOnlySpan<byte> miniSecret) => new(Sr25519KeyPair.FromMiniSecret(miniSecret));

    public ReadOnlySpan<byte> AccountId => _keyPair.PublicKey;

    public SignatureScheme Scheme => SignatureScheme.Sr25519;

    public byte[] Sign(ReadOnlySpan<byte> payload) => _keyPair.Sign(payload, _random);
}
