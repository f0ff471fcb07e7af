using System.Text.Json;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary><c>POST /cess/auth</c> <c>{"mailbox","captcha"}</c>: the captcha and token mail flow (compat.md §1.4).</summary>
internal static class CessAuth
{
    public const string Name = "CessAuth";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/auth", HandleAsync).AsFunction(Name)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(HttpContext context, CessAuthService auth, CancellationToken cancellationToken)
    {
        var request = await CessAuthRequest.ReadAsync(context.Request.Body, cancellationToken);
        return request is null
            ? CessReply.Of(400, CessMessages.HttpError).ToResult()
            : (await auth.AuthorizeAsync(request.Mailbox, request.Captcha, cancellationToken)).ToResult();
    }
}

/// <summary>The body of <c>POST /auth</c>, read as Go's <c>json.Unmarshal</c> reads it into <c>{Mailbox string; Captcha int64}</c>.</summary>
internal sealed record CessAuthRequest(string Mailbox, long Captcha)
{
    /// <summary>The request, or null when the body is not JSON (or not UTF-8), not an object, or a field has the wrong type (a string captcha).</summary>
    public static async Task<CessAuthRequest?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var mailbox = "";
            long captcha = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Go matches keys case-insensitively; null leaves the zero value.
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.NameEquals("mailbox") || string.Equals(property.Name, "mailbox", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    mailbox = property.Value.GetString()!;
                }
                else if (string.Equals(property.Name, "captcha", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out captcha))
                    {
                        return null;
                    }
                }
            }

            return new CessAuthRequest(mailbox, captcha);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A name or string that is not UTF-8: JsonDocument parses it, reading it throws. Not JSON to the gateway.
            return null;
        }
    }
}
