using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// A 20-byte Ethereum account address: the last 20 bytes of Keccak-256 of the uncompressed public key
/// (yellow paper §7, eq. 284). Text form is <c>0x</c> + 40 hex digits with the EIP-55 mixed-case checksum
/// (https://eips.ethereum.org/EIPS/eip-55). Parsing accepts all-lower and all-upper digits; mixed case must
/// carry a correct checksum.
/// </summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>, ISpanFormattable
{
    /// <summary>The byte length.</summary>
    public const int Length = 20;

    private static readonly byte[] ZeroBytes = new byte[Length];

    private readonly byte[]? _bytes;

    /// <summary>Wraps 20 bytes (copied).</summary>
    public EthereumAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("An address is 20 bytes.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>0x0000000000000000000000000000000000000000.</summary>
    public static EthereumAddress Zero => default;

    /// <summary>The 20 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? ZeroBytes;

    /// <summary>The address of an uncompressed public key, 64 bytes (X ‖ Y) or 65 bytes (0x04 ‖ X ‖ Y).</summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == Secp256k1.PublicKeyLength && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new ArgumentException("An uncompressed public key is 64 bytes (X ‖ Y) or 65 bytes (0x04 ‖ X ‖ Y).", nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(publicKey, hash);
        return new EthereumAddress(hash[12..]);
    }

    /// <summary>The address controlled by a 32-byte secp256k1 private key.</summary>
    public static EthereumAddress FromPrivateKey(ReadOnlySpan<byte> privateKey) =>
        FromPublicKey(Secp256k1.GetPublicKey(privateKey));

    /// <summary>Parses <c>0x</c> + 40 hex digits; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static EthereumAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var address, out var error) ? address : throw new FormatException(error);
    }

    /// <summary>Parses <c>0x</c> + 40 hex digits; a mixed-case input must carry a valid EIP-55 checksum.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthereumAddress address) =>
        TryParse(text, out address, out _);

    /// <summary>True when <paramref name="text"/> is exactly the EIP-55 form of an address (what siwe-go requires).</summary>
    public static bool IsChecksummed([NotNullWhen(true)] string? text) =>
        TryParse(text, out var address) && string.Equals(address.ToString(), text, StringComparison.Ordinal);

    private static bool TryParse(string? text, out EthereumAddress address, out string error)
    {
        address = default;
        if (text is null || text.Length != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            error = "An address is 0x followed by 40 hex digits.";
            return false;
        }

        var digits = text.AsSpan(2);
        var bytes = new byte[Length];
        if (Convert.FromHexString(digits, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Length)
        {
            error = "An address is 0x followed by 40 hex digits.";
            return false;
        }

        var parsed = new EthereumAddress(bytes);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !digits.SequenceEqual(parsed.ToString().AsSpan(2)))
        {
            error = "The address has mixed case but not a valid EIP-55 checksum.";
            return false;
        }

        address = parsed;
        error = string.Empty;
        return true;
    }

    /// <summary>The EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public override string ToString() => string.Create(42, this, static (chars, address) => address.FormatChecksummed(chars));

    /// <summary>The all-lower-case form (<c>0x…</c>), as JSON-RPC nodes print addresses.</summary>
    public string ToLowerHex() => "0x" + Convert.ToHexStringLower(Bytes);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 42)
        {
            charsWritten = 0;
            return false;
        }

        FormatChecksummed(destination);
        charsWritten = 42;
        return true;
    }

    private void FormatChecksummed(Span<char> chars)
    {
        // EIP-55: hex digit i is upper case when nibble i of keccak256(lower-case hex) is 8 or more.
        chars[0] = '0';
        chars[1] = 'x';
        var hex = chars[2..];
        Convert.TryToHexStringLower(Bytes, hex, out _);
        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)hex[i];
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(ascii, hash);
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            if (nibble >= 8 && hex[i] >= 'a')
            {
                hex[i] = (char)(hex[i] - 32);
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(EthereumAddress other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);

    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);
}
