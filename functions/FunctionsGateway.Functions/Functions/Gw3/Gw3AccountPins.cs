using System.Globalization;
using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// <c>GET /gw3/account/api/v0/pin?status=&amp;limit=10&amp;start=0&amp;ts=</c> → <c>{"code":200,"msg":"ok","data":[{"name","cid",
/// "status","size","created_at"}],"total":N}</c>, oldest first. Pins here are made at once, so every one is <c>pinned</c>;
/// a filter on another status gives an empty page.
/// </summary>
internal static class Gw3AccountPins
{
    public const string Name = "Gw3AccountPins";

    private const int MaxLimit = 1000;
    private static readonly string[] Statuses = ["pinning", "pinned", "failure", "unpinning"];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/account/api/v0/pin", HandleAsync).AsFunction(Name).Produces<Gw3ListResponse<Gw3PinItem>>();

    private static async Task<IResult> HandleAsync(HttpContext context, Gw3ContentService service, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var status = query["status"].ToString();
        if (status.Length > 0 && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, $"status must be one of {string.Join(", ", Statuses)}");
        }

        if (!TryRead(query["limit"], 10, 1, MaxLimit, out var limit) || !TryRead(query["start"], 0, 0, int.MaxValue, out var start))
        {
            return Gw3Envelope.Error(StatusCodes.Status400BadRequest, $"limit must be 1–{MaxLimit} and start a non-negative integer");
        }

        var pins = status is "" or "pinned" ? await service.ListPinsAsync(context.GetPrincipal().IdentityId, cancellationToken) : [];
        var page = pins.Skip(start).Take(limit)
            .Select(p => new Gw3PinItem(p.Pin.Name, p.Pin.Cid, "pinned", p.Size, p.Pin.CreatedAt.ToUnixTimeSeconds()))
            .ToArray();
        return Results.Json(new Gw3ListResponse<Gw3PinItem>(200, "ok", page, pins.Count), Gw3JsonContext.Default.Gw3ListResponseGw3PinItem);
    }

    private static bool TryRead(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}
