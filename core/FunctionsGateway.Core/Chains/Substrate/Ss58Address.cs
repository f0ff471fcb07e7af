using System.Security.Cryptography;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>
/// SS58 addresses of 32-byte account ids (Substrate "SS58 Address Format", docs.substrate.io
/// reference/address-formats and sp-core <c>crypto.rs</c>): <c>base58(prefix ‖ account ‖ checksum)</c>,
/// where the checksum is the first two bytes of <c>blake2b-512("SS58PRE" ‖ prefix ‖ account)</c>, and the
/// prefix takes one byte below 64 or two bytes up to 16383 (CESS's 11330 → <c>0x50 0xac</c>).
/// </summary>
public static class Ss58Address
{
    /// <summary>CESS's network prefix (spec/cess.md §1.1); its addresses start with <c>cX</c>.</summary>
    public const ushort CessPrefix = 11330;

    /// <summary>The generic Substrate prefix (addresses starting with <c>5</c>).</summary>
    public const ushort SubstratePrefix = 42;

    private static ReadOnlySpan<byte> ChecksumPreimagePrefix => "SS58PRE"u8;

    public static string Encode(ReadOnlySpan<byte> accountId, ushort prefix = CessPrefix)
    {
        if (accountId.Length != 32)
        {
            throw new ArgumentException("SS58 encodes 32-byte account ids here.", nameof(accountId));
        }

        byte[] prefixBytes = prefix switch
        {
            < 64 => [(byte)prefix],
            < 16384 => [(byte)(((prefix & 0b1111_1100) >> 2) | 0b0100_0000), (byte)((prefix >> 8) | ((prefix & 0b11) << 6))],
            _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "SS58 prefixes are below 16384."),
        };

        byte[] body = [.. prefixBytes, .. accountId];
        var checksum = Checksum(body);
        return Base58.Encode([.. body, checksum[0], checksum[1]]);
    }

    /// <summary>Decodes an address to its prefix and 32-byte account id; null when it is not a valid SS58 account address.</summary>
    public static (ushort Prefix, byte[] AccountId)? TryDecode(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Base58.Decode(address) is not { Length: > 0 } data)
        {
            return null;
        }

        int prefixLength;
        ushort prefix;
        if (data[0] < 64)
        {
            prefixLength = 1;
            prefix = data[0];
        }
        else if (data[0] < 128 && data.Length > 1)
        {
            prefixLength = 2;
            // Inverse of the two-byte form: the low six bits of byte 0 carry prefix bits 2..7, byte 1 the rest.
            prefix = (ushort)(((data[0] & 0b0011_1111) << 2) | (data[1] >> 6) | ((data[1] & 0b0011_1111) << 8));
        }
        else
        {
            return null;
        }

        if (data.Length != prefixLength + 32 + 2)
        {
            return null;
        }

        var checksum = Checksum(data.AsSpan(0, prefixLength + 32));
        if (!CryptographicOperations.FixedTimeEquals(checksum.AsSpan(0, 2), data.AsSpan(prefixLength + 32)))
        {
            return null;
        }

        return (prefix, data[prefixLength..(prefixLength + 32)]);
    }

    /// <summary>Decodes an address, throwing <see cref="FormatException"/> when it is invalid.</summary>
    public static byte[] DecodeAccountId(string address, ushort? expectedPrefix = null)
    {
        var decoded = TryDecode(address) ?? throw new FormatException($"'{address}' is not a valid SS58 address.");
        if (expectedPrefix is { } p && decoded.Prefix != p)
        {
            throw new FormatException($"'{address}' has SS58 prefix {decoded.Prefix}, not {p}.");
        }

        return decoded.AccountId;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => Blake2b.Hash512([.. ChecksumPreimagePrefix, .. body]);
}
