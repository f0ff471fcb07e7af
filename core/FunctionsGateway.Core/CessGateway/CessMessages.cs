namespace FunctionsGateway.Core.CessGateway;

/// <summary>CESS-Gateway's message strings, exactly as <c>msgtype.go</c> sends them (compat.md §1.2).</summary>
public static class CessMessages
{
    public const string Success = "success";
    public const string CaptchaExpired = "captcha has expired and a new captcha has been sent to your mailbox";
    public const string TokenSent = "A new token has been sent to your mailbox";
    public const string TokenExpiredRetrieve = "Token expired, please retrieve.";
    public const string NoRefresh = "Please log in to your email to view the token.";
    public const string HttpError = "HTTP Error";
    public const string EmailFormat = "Email Format Error";
    public const string CaptchaError = "captcha error";
    public const string NotUploaded = "This file has not been uploaded";
    public const string Unauthorized = "Unauthorized";
    public const string TokenExpired = "token expired";
    public const string DuplicateFilename = "duplicate filename";
    public const string SpaceInsufficient = "The gateway account space is insufficient, please contact the administrator.";
    public const string DataError = "Server internal data error";
    public const string ChainError = "Server internal chain data error";
    public const string Unexpected = "Server unexpected error";
    public const string ReAuthenticate = "Please re-authenticate";
    public const string MailFailed = "Please confirm whether the SMTP service is enabled in your mailbox or contact the gateway administrator.";
    public const string RefreshFailed = "Please try again in 5 minutes.";
    public const string Empty = "Empty";
    public const string NetworkFailed = "upload failed due to network issues";

    /// <summary>Not CESS-Gateway's (it has no rate limiter): DeOSS's answer when its limiter refuses (compat.md §1b).</summary>
    public const string ServerBusy = "server busy";
}

/// <summary>
/// One answer of the CESS surface: the HTTP status, the body's <c>code</c> (they differ in three places, compat.md
/// §1.13), the <c>msg</c>, and <c>data</c> when there is any (left out when null, like Go's <c>omitempty</c>).
/// </summary>
public sealed record CessReply(int Status, int Code, string Msg, object? Data = null)
{
    public static CessReply Ok(object? data = null) => new(200, 200, CessMessages.Success, data);

    public static CessReply Of(int statusAndCode, string msg) => new(statusAndCode, statusAndCode, msg);
}
