using System.Security.Cryptography;
using System.Text;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// An account name and its decoded key: signs strings with HMAC-SHA256 as Shared Key and service SAS require
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key). Never logged or printed.
/// </summary>
internal sealed class StorageSharedKey
{
    private readonly byte[] _key;

    public StorageSharedKey(string accountName, byte[] key)
    {
        AccountName = accountName;
        _key = key;
    }

    public string AccountName { get; }

    /// <summary>Base64(HMAC-SHA256(key, UTF-8(<paramref name="stringToSign"/>))).</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <inheritdoc />
    public override string ToString() => $"{AccountName}:<key>";
}
