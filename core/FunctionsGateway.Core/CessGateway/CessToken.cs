namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The plaintext of a CESS-Gateway token (compat.md §1.3), fields in the original's order; times are Unix seconds.
/// </summary>
public sealed record CessToken(long UserId, long CreateUserTime, long CreateTokenTime, long ExpirationTime, string Mailbox, string RandomCode)
{
    /// <summary>A token is valid for 30 days (2 592 000 s).</summary>
    public const long LifetimeSeconds = 2_592_000;

    /// <summary>Characters of <see cref="RandomCode"/> (CESS-Gateway <c>tools/util.go</c>).</summary>
    public const string RandomCodeAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()[]{}+-*/_=.";

    /// <summary>Expired at <paramref name="nowUnixSeconds"/> (the original's <c>now &gt;= expirationTime</c>).</summary>
    public bool IsExpiredAt(long nowUnixSeconds) => nowUnixSeconds >= ExpirationTime;
}
