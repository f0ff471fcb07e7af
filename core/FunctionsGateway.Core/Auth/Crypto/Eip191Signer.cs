using System.Buffers;
using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// EIP-191 version 0x45 "personal_sign" messages (https://eips.ethereum.org/EIPS/eip-191): the signed hash is
/// <c>keccak256("\x19Ethereum Signed Message:\n" ‖ decimal(len(message)) ‖ message)</c>, the length counted
/// in bytes. This is what wallets sign for SIWE (EIP-4361) and what MEMO's <c>/login</c> checks (compat §2.3).
/// </summary>
public static class Eip191Signer
{
    private static readonly byte[] Prefix = "\u0019Ethereum Signed Message:\n"u8.ToArray();

    /// <summary>The EIP-191 hash of a UTF-8 text message.</summary>
    public static byte[] HashMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var length = Encoding.UTF8.GetByteCount(message);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(message, buffer);
            return HashMessage(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The EIP-191 hash of a byte message.</summary>
    public static byte[] HashMessage(ReadOnlySpan<byte> message)
    {
        var hash = new byte[Keccak256.HashLength];
        HashMessage(message, hash);
        return hash;
    }

    /// <summary>Writes the EIP-191 hash of <paramref name="message"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void HashMessage(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> digits = stackalloc byte[20];
        message.Length.TryFormat(digits, out var digitCount, default, CultureInfo.InvariantCulture);
        var total = Prefix.Length + digitCount + message.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            Prefix.CopyTo(buffer, 0);
            digits[..digitCount].CopyTo(buffer.AsSpan(Prefix.Length));
            message.CopyTo(buffer.AsSpan(Prefix.Length + digitCount));
            Keccak256.Hash(buffer.AsSpan(0, total), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Signs a text message as <c>personal_sign</c> does; v is 27/28 as wallets and ethers return it.</summary>
    public static byte[] SignMessage(string message, ReadOnlySpan<byte> privateKey, SignatureVForm form = SignatureVForm.Legacy) =>
        EthereumSigner.Sign(HashMessage(message), privateKey, form);

    /// <summary>Recovers the signer of a text message from a 65-byte <c>r ‖ s ‖ v</c> signature (v ∈ {0, 1, 27, 28}).</summary>
    public static SignatureRecovery RecoverAddress(string message, ReadOnlySpan<byte> signature, bool requireLowS = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var length = Encoding.UTF8.GetByteCount(message);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(message, buffer);
            return RecoverAddress(buffer.AsSpan(0, written), signature, requireLowS);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Recovers the signer of a byte message from a 65-byte <c>r ‖ s ‖ v</c> signature (v ∈ {0, 1, 27, 28}).</summary>
    public static SignatureRecovery RecoverAddress(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, bool requireLowS = false)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        HashMessage(message, hash);
        return EthereumSigner.RecoverAddress(hash, signature, requireLowS);
    }

    /// <summary>
    /// The signer of a text message, like ethers' <c>verifyMessage</c>: throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> naming the status when no signer can be recovered.
    /// </summary>
    public static EthereumAddress VerifyMessage(string message, ReadOnlySpan<byte> signature) =>
        EthereumSigner.RequireValid(RecoverAddress(message, signature));
}
