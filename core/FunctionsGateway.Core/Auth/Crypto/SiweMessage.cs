using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// A Sign-In with Ethereum message (EIP-4361, https://eips.ethereum.org/EIPS/eip-4361) in the dialect of
/// <c>spruceid/siwe-go</c> v0.2.0, which MEMO's <c>/challenge</c> and <c>/login</c> use (compat §2.3):
/// no scheme prefix, the address in EIP-55 form, and — the quirk — a message without a statement keeps
/// both blank lines, so two empty lines stand between the address and <c>URI:</c>.
/// Timestamps are kept as the text that was signed so that <see cref="Parse"/> → <see cref="ToString"/>
/// gives back the same bytes; <see cref="FormatTimestamp"/> makes new ones.
/// </summary>
public sealed record SiweMessage
{
    /// <summary>The RFC 3986 authority asking for the sign-in (MEMO: the Origin's host, port included).</summary>
    public required string Domain { get; init; }

    /// <summary>The signing account; written in EIP-55 form.</summary>
    public required EthereumAddress Address { get; init; }

    /// <summary>One line for the user, or null; null and blank statements are both written as "no statement".</summary>
    public string? Statement { get; init; }

    /// <summary>The RFC 3986 URI the sign-in is for.</summary>
    public required string Uri { get; init; }

    /// <summary>Always "1".</summary>
    public string Version { get; init; } = "1";

    /// <summary>The EIP-155 chain id (MEMO: 985 by default).</summary>
    public required long ChainId { get; init; }

    /// <summary>At least 8 ASCII letters or digits.</summary>
    public required string Nonce { get; init; }

    /// <summary>RFC 3339 date-time, as written (MEMO: UTC to the second with <c>Z</c>).</summary>
    public required string IssuedAt { get; init; }

    /// <summary>RFC 3339 date-time or null.</summary>
    public string? ExpirationTime { get; init; }

    /// <summary>RFC 3339 date-time or null.</summary>
    public string? NotBefore { get; init; }

    /// <summary>A system-specific request id or null; a blank one is not written (siwe-go).</summary>
    public string? RequestId { get; init; }

    /// <summary>URIs the user agrees to resolve, written one per line after <c>Resources:</c>; empty when none.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Parses a message strictly; throws <see cref="FormatException"/> naming the first malformed line.</summary>
    public static SiweMessage Parse(string text) => SiweMessageParser.Parse(text);

    /// <summary>Parses a message strictly; on failure <paramref name="error"/> names the malformed line.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiweMessage? message, out string error) =>
        SiweMessageParser.TryParse(text, out message, out error);

    /// <summary>A timestamp as siwe-go writes it: UTC, whole seconds, <c>Z</c> (Go's <c>time.RFC3339</c>).</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads an RFC 3339 timestamp of a message field.</summary>
    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The exact text to sign with EIP-191 (no trailing newline).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Domain).Append(" wants you to sign in with your Ethereum account:\n");
        text.Append(Address.ToString()).Append('\n');
        text.Append('\n');
        if (!string.IsNullOrWhiteSpace(Statement))
        {
            text.Append(Statement).Append('\n');
        }

        text.Append('\n');
        text.Append("URI: ").Append(Uri).Append('\n');
        text.Append("Version: ").Append(Version).Append('\n');
        text.Append("Chain ID: ").Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Nonce: ").Append(Nonce).Append('\n');
        text.Append("Issued At: ").Append(IssuedAt);
        if (ExpirationTime is not null)
        {
            text.Append("\nExpiration Time: ").Append(ExpirationTime);
        }

        if (NotBefore is not null)
        {
            text.Append("\nNot Before: ").Append(NotBefore);
        }

        if (!string.IsNullOrWhiteSpace(RequestId))
        {
            text.Append("\nRequest ID: ").Append(RequestId);
        }

        if (Resources.Count > 0)
        {
            text.Append("\nResources:");
            foreach (var resource in Resources)
            {
                text.Append("\n- ").Append(resource);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(SiweMessage? other) =>
        other is not null
        && Domain == other.Domain && Address == other.Address && Statement == other.Statement && Uri == other.Uri
        && Version == other.Version && ChainId == other.ChainId && Nonce == other.Nonce && IssuedAt == other.IssuedAt
        && ExpirationTime == other.ExpirationTime && NotBefore == other.NotBefore && RequestId == other.RequestId
        && Resources.SequenceEqual(other.Resources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Domain, Address, Nonce, IssuedAt, ChainId);
}
