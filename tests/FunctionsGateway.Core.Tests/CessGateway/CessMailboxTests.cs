using FunctionsGateway.Core.CessGateway;

namespace FunctionsGateway.Core.Tests.CessGateway;

/// <summary>The original's mailbox regex (compat.md §1.4) with Go's end-of-text semantics.</summary>
public sealed class CessMailboxTests
{
    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("a_b,c-d@mail.example.co.uk")]
    [InlineData("0@a1.io")]
    public void IsValid_OriginalAccepts_True(string mailbox) => Assert.True(CessMailbox.IsValid(mailbox));

    [Theory]
    [InlineData("Alice@example.com")] // upper case
    [InlineData("alice@example.com\n")] // Go's $ does not match before a final newline
    [InlineData("alice@example")]
    [InlineData("alice@example.technology")] // TLD of more than 4 letters
    [InlineData("_alice@example.com")]
    [InlineData("alice@a.b.c.d.e.com")] // more than 4 labels
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_OriginalRefuses_False(string? mailbox) => Assert.False(CessMailbox.IsValid(mailbox));
}
