using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Accounts;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Gw3;

/// <summary>
/// The surface's server-side keys, derived with HKDF-SHA256 from <see cref="Gw3Options.SecretKey"/> (or, when that is not
/// set, from the operator key), one per purpose so that a key never serves two: sealing access secrets at rest, and
/// signing upload URLs.
/// </summary>
public sealed class Gw3KeyRing
{
    private const int KeyBytes = 32;

    public Gw3KeyRing(IOptions<Gw3Options> options, IOptions<OperatorOptions> operatorOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(operatorOptions);
        var master = options.Value.SecretKeyBytes() ?? Encoding.UTF8.GetBytes(operatorOptions.Value.Key);
        SealingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, KeyBytes, info: "gw3 access secret sealing v1"u8.ToArray());
        UploadUrlKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, KeyBytes, info: "gw3 upload url v1"u8.ToArray());
    }

    /// <summary>The AES-256-GCM key of <see cref="Gw3SecretSealer"/>.</summary>
    internal byte[] SealingKey { get; }

    /// <summary>The HMAC-SHA256 key of <see cref="Gw3UploadTicket"/>.</summary>
    internal byte[] UploadUrlKey { get; }
}
