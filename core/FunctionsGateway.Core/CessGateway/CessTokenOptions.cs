using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>The CESS surface's token key and token rules, section <c>Gateway:Cess:Token</c>.</summary>
public sealed class CessTokenOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Cess:Token";

    /// <summary>
    /// The RSA private key (a secret) as PEM: PKCS#1 (<c>RSA PRIVATE KEY</c>, what the original writes to
    /// <c>.privateKey.pem</c>) or PKCS#8 (<c>PRIVATE KEY</c>); 2048 to 4096 bits. The public key is derived from it,
    /// so the original's <c>.publicKey.pem</c> is not needed. Empty: see <see cref="GenerateKeyIfMissing"/>.
    /// </summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>
    /// With no <see cref="PrivateKey"/>: generate an RSA-2048 key once and keep it in Blob storage
    /// (<c>cess-keys/token-key.pem</c>). On by default in Development only; elsewhere the token routes answer
    /// <c>Server unexpected error</c> until a key is configured.
    /// </summary>
    public bool GenerateKeyIfMissing { get; set; }

    /// <summary>
    /// Revoke a user's previous token when a new one replaces it (a refresh through <c>POST /cess/auth</c>). Default
    /// true: a replaced token is refused (the original accepted every unexpired token). Because anyone who knows a
    /// mailbox can trigger a refresh (as in the original), an operator whose users run unattended clients may turn
    /// it off (docs/compatibility.md).
    /// </summary>
    public bool RevokeReplaced { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PrivateKey.Length == 0)
        {
            yield break;
        }

        string? problem = null;
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(PrivateKey);
            if (rsa.KeySize is < 2048 or > 4096)
            {
                problem = $"is a {rsa.KeySize}-bit key; 2048 to 4096 bits are accepted";
            }
            else
            {
                _ = rsa.ExportParameters(includePrivateParameters: true);
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            problem = "is not an RSA private key in PEM (RSA PRIVATE KEY or PRIVATE KEY)";
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"Gateway:Cess:Token:PrivateKey {problem}.", [nameof(PrivateKey)]);
        }
    }
}

/// <summary>The captcha rules, section <c>Gateway:Cess:Captcha</c>.</summary>
public sealed class CessCaptchaOptions
{
    public const string SectionName = "Gateway:Cess:Captcha";

    /// <summary>Wrong tries after which a captcha is void until it expires (the original had no limit). Default 5; 1–100.</summary>
    [Range(1, 100, ErrorMessage = "Gateway:Cess:Captcha:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;
}
