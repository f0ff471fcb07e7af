using System.Globalization;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Ethereum's 65-byte signature form over a raw 32-byte hash: <c>r ‖ s ‖ v</c> with v ∈ {0, 1} (go-ethereum
/// <c>crypto.Sign</c>) or {27, 28} (yellow paper Appendix F, <c>eth_sign</c>), and signer recovery as the
/// <c>ecrecover</c> precompile does it. MEMO's DID login and voucher hashes (compat §2.5, §2.6) are signed
/// this way, with no EIP-191 prefix; <see cref="Eip191Signer"/> builds personal messages on top.
/// </summary>
public static class EthereumSigner
{
    /// <summary>The length of <c>r ‖ s ‖ v</c>.</summary>
    public const int SignatureLength = 65;

    /// <summary>Signs a 32-byte hash (RFC 6979, low-s) and returns <c>r ‖ s ‖ v</c> with v in <paramref name="form"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, SignatureVForm form = SignatureVForm.Legacy) =>
        Secp256k1.Sign(hash, privateKey).ToRsv(form);

    /// <summary>
    /// Splits <c>r ‖ s ‖ v</c>. v must be 0, 1, 27 or 28; anything else (EIP-155 v values belong to
    /// transactions) is <see cref="SignatureStatus.InvalidRecoveryId"/>.
    /// </summary>
    public static SignatureStatus TryParse(ReadOnlySpan<byte> rsv, out EcdsaSignature signature, out SignatureVForm form)
    {
        signature = default;
        form = SignatureVForm.RecoveryId;
        if (rsv.Length != SignatureLength)
        {
            return SignatureStatus.InvalidLength;
        }

        int recoveryId;
        switch (rsv[64])
        {
            case 0 or 1:
                recoveryId = rsv[64];
                break;
            case 27 or 28:
                recoveryId = rsv[64] - 27;
                form = SignatureVForm.Legacy;
                break;
            default:
                return SignatureStatus.InvalidRecoveryId;
        }

        signature = new EcdsaSignature(rsv[..32], rsv[32..64], recoveryId);
        return SignatureStatus.Valid;
    }

    /// <summary>Decodes a <c>0x</c>-prefixed (or bare) hex signature; false when it is not hex.</summary>
    public static bool TryDecodeHex(string? hex, out byte[] rsv)
    {
        rsv = [];
        if (hex is null)
        {
            return false;
        }

        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (digits.Length != SignatureLength * 2)
        {
            return false;
        }

        var bytes = new byte[SignatureLength];
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        rsv = bytes;
        return true;
    }

    /// <summary>
    /// Recovers the signer's address of a raw 32-byte hash. Accepts high s (like <c>ecrecover</c>) unless
    /// <paramref name="requireLowS"/> asks for EIP-2's canonical form.
    /// </summary>
    public static SignatureRecovery RecoverAddress(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> rsv, bool requireLowS = false)
    {
        var status = TryParse(rsv, out var signature, out var form);
        if (status != SignatureStatus.Valid)
        {
            return SignatureRecovery.Failed(status, form);
        }

        Span<byte> publicKey = stackalloc byte[Secp256k1.PublicKeyLength];
        status = Secp256k1.TryRecoverPublicKey(hash, signature, publicKey, requireLowS);
        return status == SignatureStatus.Valid
            ? new SignatureRecovery(status, EthereumAddress.FromPublicKey(publicKey), form)
            : SignatureRecovery.Failed(status, form);
    }

    /// <summary>Throws a <see cref="System.Security.Cryptography.CryptographicException"/> naming the failure.</summary>
    internal static EthereumAddress RequireValid(SignatureRecovery recovery) =>
        recovery.IsValid
            ? recovery.Address
            : throw new System.Security.Cryptography.CryptographicException(
                string.Create(CultureInfo.InvariantCulture, $"The signature is not valid: {recovery.Status}."));
}
