using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// Bucket names at the S3 gateway: 3–63 lowercase letters, digits and hyphens, starting and ending with a letter
/// or digit (S3's rules, without the dots that break TLS host names). MEMO names a user's bucket after their
/// address (compat §2.8); S3 wants it lowercase.
/// </summary>
public static class MefsBucketNames
{
    private const int MaxLength = 63;

    /// <summary>True when <paramref name="bucket"/> follows the rules above.</summary>
    public static bool IsValid(string? bucket) =>
        bucket is { Length: >= 3 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1])
        && bucket.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');

    /// <summary>The bucket of an Ethereum address (<c>0x</c> and 40 hex digits, any case, EIP-55 checked when mixed): the address, lowercased.</summary>
    public static bool TryForAddress(string? address, out string bucket)
    {
        bucket = "";
        if (!EthereumAddress.TryParse(address, out var parsed))
        {
            return false;
        }

        bucket = parsed.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>
    /// The bucket of an owner without an address: <paramref name="prefix"/> and the owner id (gateway identity ids
    /// are 32 lowercase hex digits, so they fit as they are). An id that would not make a valid name (upper case,
    /// other characters, too long) becomes the first 32 hex digits of its SHA-256 instead: every owner still gets
    /// a bucket of its own, and no two ids share one.
    /// </summary>
    public static string ForOwner(string prefix, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(ownerId);
        var name = prefix + ownerId;
        if (IsValid(name))
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ownerId)));
        return prefix + hash[..32];
    }
}
