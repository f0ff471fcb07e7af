using System.Globalization;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/search?query=&amp;page=&amp;size=</c> (fileDNS, no auth) → <c>[{"Mid","FileName","Keywords","Size","ModTime"}]</c>
/// over the public objects whose name contains the query; <c>page</c> is 1-based. A bad page or size is status
/// 400 (the original's was 500) with the description as a JSON string, as the original answered (compat §2.5).
/// </summary>
internal static class MemoSearch
{
    public const string Name = "MemoSearch";

    private const int MaxPageSize = 1000;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/search", HandleAsync).AsFunction(Name).Produces<IReadOnlyList<MemoSearchHit>>();

    private static async Task<IResult> HandleAsync(string? query, string? page, string? size, MemoFileService service, CancellationToken cancellationToken)
    {
        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var pageNumber) || pageNumber < 1)
        {
            return MemoResults.JsonString($"invalid page: '{page}'", StatusCodes.Status400BadRequest);
        }

        if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > MaxPageSize)
        {
            return MemoResults.JsonString($"invalid size: '{size}'", StatusCodes.Status400BadRequest);
        }

        var hits = await service.SearchAsync(query ?? "", pageNumber, pageSize, cancellationToken);
        return MemoResults.Json<IReadOnlyList<MemoSearchHit>>(
            [.. hits.Select(o => new MemoSearchHit(o.Mid, o.Name, [], o.Size, MemoTime.Format(o.ModTime)))],
            MemoJsonContext.Default.IReadOnlyListMemoSearchHit);
    }
}
