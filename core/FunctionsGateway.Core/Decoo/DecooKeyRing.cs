using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Accounts;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// The Decoo surface's server-side key: the AES-256-GCM key that seals API-key secrets at rest, derived with HKDF-SHA256
/// from <see cref="DecooOptions.SecretKey"/> (or, when that is not set, from the operator key).
/// </summary>
public sealed class DecooKeyRing(IOptions<DecooOptions> options, IOptions<OperatorOptions> operatorOptions)
{
    /// <summary>The sealing key of API-key secrets.</summary>
    internal byte[] SealingKey { get; } = HKDF.DeriveKey(
        HashAlgorithmName.SHA256,
        options.Value.SecretKeyBytes() ?? Encoding.UTF8.GetBytes(operatorOptions.Value.Key),
        32,
        info: "decoo api key secret sealing v1"u8.ToArray());
}
