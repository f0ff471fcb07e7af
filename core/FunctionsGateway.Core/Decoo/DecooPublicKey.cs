using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// Reads the RSA public key a user's <c>secret</c>s are checked with: one PEM block, either SubjectPublicKeyInfo
/// (<c>-----BEGIN PUBLIC KEY-----</c>, what Node and OpenSSL write by default) or PKCS#1 (<c>-----BEGIN RSA PUBLIC
/// KEY-----</c>). Private keys are refused, so that one sent by mistake is never stored. Pure.
/// </summary>
public static class DecooPublicKey
{
    private const int MaxPemLength = 16 * 1024;

    /// <summary>Parses <paramref name="pem"/>; on success the key's SubjectPublicKeyInfo DER (what is stored) and its parameters.</summary>
    public static bool TryParse(string? pem, [NotNullWhen(true)] out byte[]? subjectPublicKeyInfo, out RSAParameters parameters, [NotNullWhen(false)] out string? error)
    {
        subjectPublicKeyInfo = null;
        parameters = default;
        if (string.IsNullOrWhiteSpace(pem) || pem.Length > MaxPemLength)
        {
            error = "the body must be an RSA public key in PEM (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)";
            return false;
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            error = "the body is not PEM: it needs a -----BEGIN PUBLIC KEY----- (or RSA PUBLIC KEY) block";
            return false;
        }

        var label = pem[fields.Label];
        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            error = $"a PEM block labelled '{label}' is not an RSA public key; send the public key only";
            return false;
        }

        if (pem[fields.Location.End..].Contains("-----BEGIN", StringComparison.Ordinal) || pem[..fields.Location.Start].Trim().Length > 0)
        {
            error = "the body must hold exactly one PEM block";
            return false;
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem[fields.Base64Data], der, out _))
        {
            error = "the PEM block's base64 does not decode";
            return false;
        }

        using var rsa = RSA.Create();
        try
        {
            int read;
            if (label == "PUBLIC KEY")
            {
                rsa.ImportSubjectPublicKeyInfo(der, out read);
            }
            else
            {
                rsa.ImportRSAPublicKey(der, out read);
            }

            if (read != der.Length)
            {
                error = "the key has bytes after its end";
                return false;
            }
        }
        catch (CryptographicException e)
        {
            error = $"the PEM block is not an RSA public key: {e.Message}";
            return false;
        }

        parameters = rsa.ExportParameters(includePrivateParameters: false);
        if (rsa.KeySize is < RsaPrivateEncryption.MinModulusBits or > RsaPrivateEncryption.MaxModulusBits)
        {
            error = $"the key has {rsa.KeySize} bits; {RsaPrivateEncryption.MinModulusBits} to {RsaPrivateEncryption.MaxModulusBits} are accepted";
            return false;
        }

        subjectPublicKeyInfo = rsa.ExportSubjectPublicKeyInfo();
        error = null;
        return true;
    }

    /// <summary>The parameters of a stored SubjectPublicKeyInfo.</summary>
    public static RSAParameters FromSubjectPublicKeyInfo(byte[] subjectPublicKeyInfo)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return rsa.ExportParameters(includePrivateParameters: false);
    }
}
