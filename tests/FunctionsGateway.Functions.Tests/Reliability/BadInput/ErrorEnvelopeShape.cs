using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FunctionsGateway.Functions.Tests.Reliability.BadInput;

/// <summary>
/// The shape of an error body: its media type and, for JSON, each member's path and kind (<c>error.code:string</c>).
/// A surface's expected shape is what its <see cref="IErrorBodyWriter"/> endpoint metadata writes (the gateway's
/// envelope without one), so a surface added later (its writer on its route group) is checked without a change here.
/// </summary>
internal sealed record ErrorEnvelopeShape(string MediaType, string Members)
{
    /// <summary>The MEMO DID era's 401 body, <c>{"error":"…"}</c> (compat.md §2): the one second shape a surface answers in.</summary>
    private static readonly ErrorEnvelopeShape MemoDidError = new("application/json", "error:string");

    /// <summary>
    /// Plain text where an original answers it: gin's <c>404 page not found</c> for a route CESS-Gateway does not have
    /// (compat.md §1.1), MEMO's <c>Illegal refresh token</c> (compat.md §2.2).
    /// </summary>
    private static readonly ErrorEnvelopeShape PlainText = new("text/plain", "");

    /// <summary>MEMO's <c>/search</c> answers a bad page or size with a JSON string (compat.md §2.6).</summary>
    private static readonly ErrorEnvelopeShape MemoJsonString = new("application/json", ":string");

    /// <summary>The shapes an endpoint's errors with this status may take.</summary>
    public static async Task<IReadOnlyList<ErrorEnvelopeShape>> ExpectedAsync(RouteEndpoint endpoint, int status)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        var writer = endpoint.Metadata.GetMetadata<IErrorBodyWriter>();
        await (writer is null
            ? GatewayErrors.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "bad_request", "corpus")
            : writer.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "bad_request", "corpus"));
        var shape = Of(context.Response.ContentType, body.ToArray());
        return (writer?.GetType().Name, status) switch
        {
            ("MemoErrorBodyWriter", StatusCodes.Status401Unauthorized) => [shape, MemoDidError, PlainText],
            ("MemoErrorBodyWriter", StatusCodes.Status400BadRequest) => [shape, MemoJsonString],
            ("CessErrors", StatusCodes.Status404NotFound) => [shape, PlainText],
            _ => [shape],
        };
    }

    /// <summary>The shape of a body with this content type.</summary>
    public static ErrorEnvelopeShape Of(string? contentType, byte[] body)
    {
        var media = contentType is null ? "" : MediaTypeHeaderValue.Parse(contentType).MediaType ?? "";
        if (!media.EndsWith("json", StringComparison.Ordinal))
        {
            return new ErrorEnvelopeShape(media, "");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var members = new List<string>();
            Walk(json.RootElement, "", members);
            return new ErrorEnvelopeShape(media, string.Join(',', members.Order(StringComparer.Ordinal)));
        }
        catch (JsonException)
        {
            return new ErrorEnvelopeShape(media, "(not JSON) " + Encoding.UTF8.GetString(body));
        }
    }

    private static void Walk(JsonElement element, string path, List<string> members)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, members);
            }

            return;
        }

        var kind = element.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => element.ValueKind.ToString().ToLowerInvariant(),
        };
        members.Add(path + ":" + kind);
    }

    public override string ToString() => $"{MediaType} {{{Members}}}";
}
