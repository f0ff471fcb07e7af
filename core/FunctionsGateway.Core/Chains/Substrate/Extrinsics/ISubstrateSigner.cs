namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>A key that signs extrinsics: its 32-byte account id (the public key) and its signature scheme.</summary>
public interface ISubstrateSigner
{
    /// <summary>The AccountId32: for ed25519 and sr25519 keys, the public key itself.</summary>
    ReadOnlySpan<byte> AccountId { get; }

    SignatureScheme Scheme { get; }

    /// <summary>Signs the (already hashed when long) signing payload; returns 64 bytes.</summary>
    byte[] Sign(ReadOnlySpan<byte> payload);
}
