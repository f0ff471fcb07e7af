using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// A service SAS for one blob signed with the account key, for versions 2020-12-06 and later
/// (https://learn.microsoft.com/rest/api/storageservices/create-service-sas#version-2020-12-06-and-later).
/// Pure: no clock, no I/O.
/// </summary>
internal static class BlobServiceSas
{
    /// <summary>The permission letters in the order the service requires: r, a, c, w, d.</summary>
    public static string FormatPermissions(BlobSasPermissions permissions)
    {
        var builder = new StringBuilder(5);
        if (permissions.HasFlag(BlobSasPermissions.Read))
        {
            builder.Append('r');
        }

        if (permissions.HasFlag(BlobSasPermissions.Add))
        {
            builder.Append('a');
        }

        if (permissions.HasFlag(BlobSasPermissions.Create))
        {
            builder.Append('c');
        }

        if (permissions.HasFlag(BlobSasPermissions.Write))
        {
            builder.Append('w');
        }

        if (permissions.HasFlag(BlobSasPermissions.Delete))
        {
            builder.Append('d');
        }

        return builder.ToString();
    }

    /// <summary>The <c>se</c> value: UTC, whole seconds, ISO 8601.</summary>
    public static string FormatExpiry(DateTimeOffset expiresOn) =>
        expiresOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The string-to-sign: sp, st, se, <c>/blob/account/container/blob</c> (unencoded), si, sip, spr,
    /// sv, sr, snapshot time, encryption scope, rscc, rscd, rsce, rscl, rsct — one per line.</summary>
    public static string StringToSign(string permissions, string expiry, string accountName, string container, string blob, string protocol, string version) =>
        string.Join(
            '\n',
            permissions,
            string.Empty, // st
            expiry,
            $"/blob/{accountName}/{container}/{blob}",
            string.Empty, // si
            string.Empty, // sip
            protocol,
            version,
            "b", // sr
            string.Empty, // snapshot time
            string.Empty, // encryption scope
            string.Empty, // rscc
            string.Empty, // rscd
            string.Empty, // rsce
            string.Empty, // rscl
            string.Empty); // rsct

    /// <summary>The SAS query string (without <c>?</c>): sv, se, sr, sp, spr, sig.</summary>
    public static string CreateQuery(StorageSharedKey key, string container, string blob, BlobSasPermissions permissions, DateTimeOffset expiresOn, bool allowHttp, string version)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sp = FormatPermissions(permissions);
        if (sp.Length == 0)
        {
            throw new ArgumentException("A SAS needs at least one permission.", nameof(permissions));
        }

        var se = FormatExpiry(expiresOn);
        var spr = allowHttp ? "https,http" : "https";
        var signature = key.Sign(StringToSign(sp, se, key.AccountName, container, blob, spr, version));
        return $"sv={version}&se={Uri.EscapeDataString(se)}&sr=b&sp={sp}&spr={Uri.EscapeDataString(spr)}&sig={Uri.EscapeDataString(signature)}";
    }
}
