using System.Globalization;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary><c>GET /cess/files?size=&amp;page=</c> (compat.md §1.8): the caller's fids, paged as the original pages them.</summary>
internal static class CessListFiles
{
    public const string Name = "CessListFiles";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/files", HandleAsync).AsFunction(Name).RequireCessToken().Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(HttpContext context, CessFileService files, CancellationToken cancellationToken)
    {
        if (!TryReadInt(context.Request.Query["size"], out var size) || !TryReadInt(context.Request.Query["page"], out var page))
        {
            return CessReply.Of(400, CessMessages.HttpError).ToResult();
        }

        return (await files.ListAsync(context.GetPrincipal().IdentityId, size, page, cancellationToken)).ToResult();
    }

    /// <summary>Go's <c>strconv.Atoi</c> on a present value (an optional sign, digits, 64-bit); absent or empty is 0.</summary>
    private static bool TryReadInt(string? text, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = (int)Math.Clamp(parsed, int.MinValue, int.MaxValue);
        return true;
    }
}
