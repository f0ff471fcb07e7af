using System.Text.RegularExpressions;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>CESS-Gateway's mailbox rule (compat.md §1.4, <c>tools/util.go</c>): lower case only, RE2 semantics.</summary>
public static partial class CessMailbox
{
    /// <summary>True when the original would accept <paramref name="mailbox"/>.</summary>
    public static bool IsValid(string? mailbox) => mailbox is not null && Pattern().IsMatch(mailbox);

    // \z, not $: .NET's $ also matches before a final newline, Go's does not.
    [GeneratedRegex(@"^[0-9a-z][_,0-9a-z-]{0,31}@([0-9a-z][0-9a-z-]{0,30}[0-9a-z]\.){1,4}[a-z]{2,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
