namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// How the last byte of a 65-byte <c>r ‖ s ‖ v</c> signature encodes the recovery id. The originals differ:
/// MEMO's SIWE login accepts both forms, its DID-era login and voucher checks only <see cref="RecoveryId"/>
/// (compat §2.3, §2.5).
/// </summary>
public enum SignatureVForm
{
    /// <summary>v is the bare recovery id, 0 or 1 (go-ethereum <c>crypto.Sign</c>).</summary>
    RecoveryId,

    /// <summary>v is 27 or 28, the recovery id plus 27 (Bitcoin's and <c>eth_sign</c>'s convention; ethers, MetaMask).</summary>
    Legacy,
}
