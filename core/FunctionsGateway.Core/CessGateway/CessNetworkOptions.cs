using System.ComponentModel.DataAnnotations;
using System.Text;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The gateway's own CESS account and territory, section <c>Gateway:Cess</c> (the original's <c>AccountSeed</c>).
/// Needed once <c>Gateway:Cess:Rpc:Endpoint</c> is set (the chain) or <c>Gateway:Cess:Deoss:Endpoint</c> (the data path).
/// </summary>
public sealed class CessNetworkOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Cess";

    /// <summary>
    /// The account's sr25519 mini-secret (a secret): 32 bytes as 64 hex digits, <c>0x</c> optional. sr25519 because
    /// DeOSS accepts no other signature (spec/cess.md §2.4). No default.
    /// </summary>
    public string AccountSeed { get; set; } = "";

    /// <summary>The territory files are stored in and <c>/ops/cess/space</c> manages (1–63 bytes). No default.</summary>
    public string Territory { get; set; } = "";

    /// <summary>The seed's bytes, or null when it is not 32 bytes of hex.</summary>
    public byte[]? SeedBytes()
    {
        var hex = AccountSeed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? AccountSeed[2..] : AccountSeed;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex) : null;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccountSeed.Length > 0 && SeedBytes() is null)
        {
            yield return new ValidationResult("Gateway:Cess:AccountSeed must be an sr25519 mini-secret: 64 hex digits, 0x optional.", [nameof(AccountSeed)]);
        }

        if (Encoding.UTF8.GetByteCount(Territory) > 63)
        {
            yield return new ValidationResult("Gateway:Cess:Territory must be at most 63 bytes.", [nameof(Territory)]);
        }
    }
}
