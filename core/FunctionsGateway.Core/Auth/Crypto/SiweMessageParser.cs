using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// Strict line-by-line parser for <see cref="SiweMessage"/>. It accepts what siwe-go v0.2.0's message regex
/// accepts (EIP-4361 without the scheme prefix; compat §2.3) and, in addition to siwe-go, requires a
/// non-empty domain and URI; each failure names the line and what was expected there.
/// </summary>
internal static partial class SiweMessageParser
{
    private const string HeaderSuffix = " wants you to sign in with your Ethereum account:";

    public static SiweMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var message, out var error) ? message : throw new FormatException(error);
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiweMessage? message, out string error)
    {
        message = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "The message is empty.";
            return false;
        }

        var reader = new Lines(text.Split('\n'));
        error = Read(ref reader, out message) ?? string.Empty;
        return message is not null;
    }

    private static string? Read(ref Lines lines, out SiweMessage? message)
    {
        message = null;
        var header = lines.Next();
        if (header is null || !header.EndsWith(HeaderSuffix, StringComparison.Ordinal))
        {
            return lines.Error($"expected '<domain>{HeaderSuffix}'");
        }

        var domain = header[..^HeaderSuffix.Length];
        if (domain.Length == 0 || domain.AsSpan().ContainsAny('?', '#'))
        {
            return lines.Error("the domain must be a non-empty authority without '?' or '#'");
        }

        var addressLine = lines.Next();
        if (addressLine is null || !AddressPattern().IsMatch(addressLine))
        {
            return lines.Error("expected the address, 0x and 40 hex digits");
        }

        if (!EthereumAddress.IsChecksummed(addressLine))
        {
            return lines.Error("the address must be in EIP-55 format");
        }

        if (lines.Next() is not "")
        {
            return lines.Error("expected an empty line after the address");
        }

        // Either an empty line (no statement) or a statement line followed by an empty line.
        string? statement = null;
        var line = lines.Next();
        if (line is null)
        {
            return lines.Error("expected a statement or an empty line");
        }

        if (line.StartsWith("URI: ", StringComparison.Ordinal))
        {
            return lines.Error("expected a second empty line; without a statement two empty lines precede 'URI:'");
        }

        if (line.Length > 0)
        {
            statement = line;
            if (lines.Next() is not "")
            {
                return lines.Error("expected an empty line after the statement");
            }
        }

        if (!TryField(ref lines, "URI: ", out var uri) || uri.Length == 0)
        {
            return lines.Error("expected 'URI: <uri>' with a non-empty URI");
        }

        if (!TryField(ref lines, "Version: ", out var version) || version != "1")
        {
            return lines.Error("expected 'Version: 1'");
        }

        if (!TryField(ref lines, "Chain ID: ", out var chainIdText) || !DigitsPattern().IsMatch(chainIdText)
            || !long.TryParse(chainIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
        {
            return lines.Error("expected 'Chain ID: <decimal digits>' (at most 2^63 - 1)");
        }

        if (!TryField(ref lines, "Nonce: ", out var nonce) || !NoncePattern().IsMatch(nonce))
        {
            return lines.Error("expected 'Nonce: <at least 8 letters or digits>'");
        }

        if (!TryField(ref lines, "Issued At: ", out var issuedAt) || !DateTimePattern().IsMatch(issuedAt))
        {
            return lines.Error("expected 'Issued At: <RFC 3339 date-time>'");
        }

        if (!TryOptionalField(ref lines, "Expiration Time: ", DateTimePattern(), out var expirationTime))
        {
            return lines.Error("expected 'Expiration Time: <RFC 3339 date-time>'");
        }

        if (!TryOptionalField(ref lines, "Not Before: ", DateTimePattern(), out var notBefore))
        {
            return lines.Error("expected 'Not Before: <RFC 3339 date-time>'");
        }

        if (!TryOptionalField(ref lines, "Request ID: ", RequestIdPattern(), out var requestId))
        {
            return lines.Error("the request id may hold only RFC 3986 pchar characters");
        }

        List<string> resources = [];
        if (lines.PeekStartsWith("Resources:"))
        {
            if (lines.Next() != "Resources:")
            {
                return lines.Error("expected 'Resources:' alone on its line");
            }

            while (lines.PeekStartsWith("- "))
            {
                resources.Add(lines.Next()![2..]);
            }

            if (resources.Count == 0)
            {
                return lines.Error("expected at least one '- <uri>' after 'Resources:'");
            }
        }

        if (lines.Next() is not null)
        {
            return lines.Error("unexpected line; after 'Issued At' only 'Expiration Time', 'Not Before', 'Request ID' and 'Resources' may follow, in that order, with no trailing newline");
        }

        message = new SiweMessage
        {
            Domain = domain,
            Address = EthereumAddress.Parse(addressLine),
            Statement = statement,
            Uri = uri,
            Version = version,
            ChainId = chainId,
            Nonce = nonce,
            IssuedAt = issuedAt,
            ExpirationTime = expirationTime,
            NotBefore = notBefore,
            RequestId = requestId,
            Resources = resources,
        };
        return null;
    }

    private static bool TryField(ref Lines lines, string tag, out string value)
    {
        var line = lines.Next();
        if (line is null || !line.StartsWith(tag, StringComparison.Ordinal))
        {
            value = string.Empty;
            return false;
        }

        value = line[tag.Length..];
        return true;
    }

    /// <summary>Reads an optional <c>tag value</c> line: true and null when absent, false when present but malformed.</summary>
    private static bool TryOptionalField(ref Lines lines, string tag, Regex pattern, out string? value)
    {
        value = null;
        if (!lines.PeekStartsWith(tag))
        {
            return true;
        }

        TryField(ref lines, tag, out var text);
        value = text;
        return pattern.IsMatch(text);
    }

    [GeneratedRegex("^0x[a-zA-Z0-9]{40}$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^[a-zA-Z0-9]{8,}$")]
    private static partial Regex NoncePattern();

    // siwe-go's SIWE_DATETIME (RFC 3339 date-time, seconds 60 allowed, optional fraction, Z or ±hh:mm).
    [GeneratedRegex(@"^[0-9]+-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex("^[-._~!$&'()*+,;=:@%a-zA-Z0-9]*$")]
    private static partial Regex RequestIdPattern();

    /// <summary>A cursor over the message's lines that numbers its errors.</summary>
    private struct Lines(string[] lines)
    {
        private int _next;

        public string? Next() => _next < lines.Length ? lines[_next++] : AfterEnd();

        public readonly bool PeekStartsWith(string prefix) =>
            _next < lines.Length && lines[_next].StartsWith(prefix, StringComparison.Ordinal);

        public readonly string Error(string expectation) =>
            string.Create(CultureInfo.InvariantCulture, $"SIWE message line {Math.Min(_next, lines.Length + 1)}: {expectation}.");

        private string? AfterEnd()
        {
            _next = lines.Length + 1;
            return null;
        }
    }
}
