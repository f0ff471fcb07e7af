using FunctionsGateway.Core.Ipfs.Gateway;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// The headers every successful gateway answer carries (path gateway spec, "Response Headers"): <c>ETag</c>,
/// <c>Cache-Control: public, max-age=29030400, immutable</c> (everything under <c>/ipfs/</c> is immutable),
/// <c>X-Ipfs-Path</c> (the path as requested), <c>X-Ipfs-Roots</c> (the CID of each logical root on it),
/// <c>Vary: Accept</c> (the format may be negotiated) and an open CORS policy for browser clients; and the
/// <c>If-None-Match</c> check that turns a repeat request into a 304.
/// </summary>
internal static class IpfsResponseHeaders
{
    public const string ImmutableCacheControl = "public, max-age=29030400, immutable";

    /// <summary>Writes the common headers; answers 304 and returns true when <c>If-None-Match</c> matches <paramref name="etag"/>.</summary>
    public static bool WriteOrNotModified(HttpContext context, IpfsContent content, string etag)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = ImmutableCacheControl;
        headers["X-Ipfs-Path"] = (request.PathBase + request.Path).ToUriComponent();
        headers["X-Ipfs-Roots"] = string.Join(',', content.Roots);
        headers.Vary = HeaderNames.Accept;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = "Content-Length, Content-Range, X-Ipfs-Path, X-Ipfs-Roots";
        if (!Matches(request.Headers.IfNoneMatch, etag))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    /// <summary><c>Content-Location</c> for a format negotiated from <c>Accept</c>: the URL with <c>format=</c>, so caches keep the variants apart.</summary>
    public static void WriteContentLocation(HttpContext context, GatewayResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(format);
        if (format.FromAccept)
        {
            var request = context.Request;
            var query = request.QueryString.Add("format", format.FormatName);
            context.Response.Headers.ContentLocation = (request.PathBase + request.Path).ToUriComponent() + query.ToUriComponent();
        }
    }

    // If-None-Match uses the weak comparison (RFC 9110 §13.1.2); "*" matches any current representation.
    private static bool Matches(string? ifNoneMatch, string etag) =>
        !string.IsNullOrEmpty(ifNoneMatch)
        && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)
        && EntityTagHeaderValue.TryParse(etag, out var current)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
}
