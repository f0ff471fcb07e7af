using System.Text.RegularExpressions;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Reliability.Attacks;

/// <summary>
/// MACs, tokens, keys and signatures are compared in constant time (STYLE.md rule 3, DESIGN.md §1): a review of the
/// source as a test. Every line of the auth code (folders and files named for auth, tokens, keys, signatures, of core
/// and the handler, a surface added later included) that compares a secret-named value with <c>==</c>, <c>!=</c>,
/// <c>Equals</c> or <c>SequenceEqual</c> is a finding, and the comparers the schemes rely on call
/// <c>CryptographicOperations.FixedTimeEquals</c>.
/// </summary>
public sealed partial class ConstantTimeComparisonTests
{
    /// <summary>Comparisons the scan flags that compare no secret, each with why.</summary>
    private static readonly Dictionary<string, string> Reviewed = new(StringComparer.Ordinal)
    {
        ["CessAuthService.cs: if (captcha != stored)"] = "two Int64 values (one machine comparison); guesses are limited by Gateway:Cess:Captcha:MaxAttempts",
    };

    /// <summary>The comparers the auth schemes call, and the file each lives in.</summary>
    public static TheoryData<string> Comparers { get; } = new()
    {
        "core/FunctionsGateway.Core/Accounts/SecretHasher.cs",
        "core/FunctionsGateway.Core/Auth/Crypto/Hs256Jwt.cs",
        "core/FunctionsGateway.Core/Gw3/Gw3RequestSignature.cs",
        "core/FunctionsGateway.Core/Gw3/Gw3UploadTicket.cs",
        "core/FunctionsGateway.Core/Memo/Auth/MemoDidAuth.cs",
        "core/FunctionsGateway.Core/Uploads/Tus/TusChecksum.cs",
    };

    [Fact]
    public void AuthSource_SecretComparedWithEqualityOperatorsOrSequenceEqual_None()
    {
        var findings = AuthSourceFiles()
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line.Trim())))
            .Where(l => !l.Line.StartsWith("//", StringComparison.Ordinal) && IsVariableTimeSecretComparison(l.Line))
            .Select(l => $"{l.File}: {l.Line}")
            .Where(f => !Reviewed.ContainsKey(f))
            .ToList();

        Assert.True(findings.Count == 0, "Secrets compared in variable time (use CryptographicOperations.FixedTimeEquals):\n" + string.Join('\n', findings));
        Assert.True(AuthSourceFiles().Count() > 20, "the scan found too few auth files; did the layout change?");
    }

    [Theory]
    [MemberData(nameof(Comparers))]
    public void Comparer_UsedByAnAuthScheme_CallsFixedTimeEquals(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));

        Assert.Contains("FixedTimeEquals(", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("if (mac.SequenceEqual(expected))", true)]
    [InlineData("return presentedSecret == secret;", true)]
    [InlineData("if (!string.Equals(token, stored, StringComparison.Ordinal))", true)]
    [InlineData("if (string.Equals(token, stored, StringComparison.OrdinalIgnoreCase))", true)]
    [InlineData("else if (string.Equals(property.Name, \"captcha\", StringComparison.OrdinalIgnoreCase))", false)]
    [InlineData("return signature.AsSpan().SequenceEqual(computed);", true)]
    [InlineData("var ok = apiKey.Equals(other);", true)]
    [InlineData("if (CryptographicOperations.FixedTimeEquals(mac, expected))", false)]
    [InlineData("if (token is null || token.Length == 0)", false)]
    [InlineData("if (status != SignatureStatus.Valid)", false)]
    [InlineData("if (claims.Type != expectedType)", false)]
    [InlineData("if (secret == null)", false)]
    [InlineData("rsv[64] = (byte)(form == SignatureVForm.Legacy ? 28 : 1);", false)]
    [InlineData("_ when row.GetString(\"Kind\") == \"captcha\" => 1,", false)]
    public void IsVariableTimeSecretComparison_Samples_FlagsOnlySecretComparisons(string line, bool flagged) =>
        Assert.Equal(flagged, IsVariableTimeSecretComparison(line));

    /// <summary>A comparison of a secret-named operand that is not a null, literal, length, count or enum/status check.</summary>
    internal static bool IsVariableTimeSecretComparison(string line)
    {
        if (line.Contains("FixedTimeEquals", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in Comparison().Matches(line))
        {
            var operands = match.Value;
            if (SecretName().IsMatch(operands) && !Harmless().IsMatch(operands))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Source files of auth code: under a folder named Auth or Accounts, or named for a scheme, token, key or signature.</summary>
    private static IEnumerable<string> AuthSourceFiles() =>
        new[] { "core", "functions" }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, root), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => AuthPath().IsMatch(Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/')));

    [GeneratedRegex(@"/(Auth|Accounts)/|(Scheme|Auth|Token|Tokens|Key|Keys|Signature|Signer|Ticket|Secret|Sas|Captcha)\w*\.cs$")]
    private static partial Regex AuthPath();

    /// <summary><c>a == b</c>, <c>a != b</c>, <c>a.Equals(b)</c>, <c>string.Equals(a, b…)</c>, <c>a.SequenceEqual(b)</c> (orderings are range checks, not matches).</summary>
    [GeneratedRegex(@"[\w.\[\]()]+\s*(==|!=)\s*[\w.\[\]""]+|[\w.\[\]()]+\.(Equals|SequenceEqual)\([^;]*|string\.Equals\([^;]*")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(?i)(secret|token|mac\b|hmac|signature|password|apikey|api_key|captcha|sharedkey|accesskey)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(==|!=)\s*(null|default|0|true|false)\b|(==|!=)\s*""|(==|!=)\s*[A-Z]\w*\.[A-Z]\w*\b|string\.Equals\([^,]*,\s*""|\.Equals\(""|\.(Length|Count)\b|Status\.|Kind\.|Type\b|Claims\.|TokenKind|Kinds\.|Header|Scheme|Prefix")]
    private static partial Regex Harmless();
}
