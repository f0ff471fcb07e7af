using System.Security.Cryptography;
using System.Text;

namespace FunctionsGateway.Core.Gw3;

/// <summary>
/// Keeps access secrets encrypted at rest. Gateway3's HMAC needs the secret itself on the server, so it cannot be stored
/// as a hash like the other credentials: it is sealed with AES-256-GCM under <see cref="Gw3KeyRing.SealingKey"/>, with
/// the credential's lookup key as associated data so that a sealed secret copied to another row does not open.
/// Format: <c>v1.</c> + base64url(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
/// </summary>
public static class Gw3SecretSealer
{
    private const string Version = "v1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Seals <paramref name="secret"/> bound to <paramref name="boundTo"/>.</summary>
    public static string Seal(ReadOnlySpan<byte> key, string secret, string boundTo)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(boundTo);
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(boundTo));
        return Version + Gw3RequestSignature.ToBase64Url(sealedBytes);
    }

    /// <summary>Opens a sealed secret; null when it is malformed, sealed under another key, or bound to something else.</summary>
    public static string? Open(ReadOnlySpan<byte> key, string? sealedSecret, string boundTo)
    {
        ArgumentNullException.ThrowIfNull(boundTo);
        if (sealedSecret is null || !sealedSecret.StartsWith(Version, StringComparison.Ordinal)
            || !Gw3RequestSignature.TryDecodeBase64(sealedSecret[Version.Length..], out var bytes) || bytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var plain = new byte[bytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(boundTo));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
