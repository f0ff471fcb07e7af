using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary><c>GET /v1/files?limit=&amp;continuation=</c>: the caller's files, oldest first, paged (limit 1–1000, default 100).</summary>
internal static class ListFiles
{
    public const string Name = "FilesList";

    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("", HandleAsync).AsFunction(Name).Produces<FileListResponse>();

    private static async Task<IResult> HandleAsync(HttpContext context, FileIndex files, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_limit", $"limit must be an integer from 1 to {MaxLimit}.");
        }

        FilePage page;
        try
        {
            page = await files.ListAsync(context.GetPrincipal().IdentityId, limit, query["continuation"].ToString(), cancellationToken);
        }
        catch (FormatException e)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_continuation", e.Message);
        }

        var items = page.Items.Select(r => new FileListItem(r.Id, r.Name, r.Size, r.Sha256, FileResponse.StateName(r.State), r.CreatedAt, r.Cid)).ToList();
        return Results.Ok(new FileListResponse(items, page.Continuation));
    }
}
