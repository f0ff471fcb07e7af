using System.ComponentModel.DataAnnotations;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// The gateway's own Ethereum account, section <c>Gateway:Ethereum</c> (next to the node's settings): the key that
/// signs the transactions the gateway sends itself (MEMO: <c>cashSpaceCheck</c>, <c>cashTrafficCheck</c>,
/// <c>storeBuyPkg</c>) and whose address is the seller in MEMO's voucher hashes (compat §2.6). A secret, stored in
/// Key Vault (<c>Gateway__Ethereum__SignerPrivateKey</c>). Empty (default): no chain writes; the routes that need it
/// answer as unconfigured.
/// </summary>
public sealed class EthereumSignerOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Ethereum";

    /// <summary>The setting's name, for messages.</summary>
    public const string SignerPrivateKeySetting = SectionName + ":SignerPrivateKey";

    /// <summary>32-byte secp256k1 private key, 64 hex digits with or without <c>0x</c>.</summary>
    [RegularExpression("^((0x)?[0-9a-fA-F]{64})?$", ErrorMessage = SignerPrivateKeySetting + " must be a private key, 64 hex digits.")]
    public string SignerPrivateKey { get; set; } = "";

    /// <summary>The key's 32 bytes; false when it is empty or not 64 hex digits.</summary>
    public bool TryReadKey(out byte[] key)
    {
        var digits = SignerPrivateKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? SignerPrivateKey[2..] : SignerPrivateKey;
        key = digits.Length == 64 && digits.All(char.IsAsciiHexDigit) ? Convert.FromHexString(digits) : [];
        return key.Length == 32;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TryReadKey(out var key) && !Secp256k1.IsValidPrivateKey(key))
        {
            yield return new ValidationResult(SignerPrivateKeySetting + " is not a valid secp256k1 private key.", [nameof(SignerPrivateKey)]);
        }
    }
}
