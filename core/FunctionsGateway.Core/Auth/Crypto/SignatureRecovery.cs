namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// The result of recovering a signer from a 65-byte <c>r ‖ s ‖ v</c> signature: the status, the address
/// (meaningful only when <see cref="IsValid"/>), and which v convention the signature used, so that a
/// caller reproducing an original that accepts only one of them can refuse the other.
/// </summary>
public readonly record struct SignatureRecovery(SignatureStatus Status, EthereumAddress Address, SignatureVForm VForm)
{
    /// <summary>True when a signer was recovered.</summary>
    public bool IsValid => Status == SignatureStatus.Valid;

    internal static SignatureRecovery Failed(SignatureStatus status, SignatureVForm form = SignatureVForm.RecoveryId) =>
        new(status, EthereumAddress.Zero, form);
}
