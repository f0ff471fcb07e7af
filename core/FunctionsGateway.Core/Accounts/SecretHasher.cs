using System.Security.Cryptography;
using System.Text;

namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// Hashes secrets for storage and lookup, and compares them in constant time. Secrets here are random
/// (≥ 256 bits), so a plain SHA-256 is the right tool: no salt or stretching is needed to stop guessing.
/// </summary>
public static class SecretHasher
{
    /// <summary>Lowercase hex SHA-256 of the UTF-8 secret.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="expectedHash"/>; constant time in the hash.</summary>
    public static bool Matches(string secret, string expectedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(expectedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        var expected = Encoding.ASCII.GetBytes(expectedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Constant-time equality of two strings' UTF-8 bytes, for MACs and keys compared directly.</summary>
    public static bool FixedTimeEquals(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Hash first so that the comparison does not leak the length of the expected value either.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
    }
}
