namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>The <c>MultiSignature</c> variants a signer can produce, with their variant indices (sp-runtime <c>MultiSignature</c>).</summary>
public enum SignatureScheme
{
    Ed25519 = 0,
    Sr25519 = 1,
}
