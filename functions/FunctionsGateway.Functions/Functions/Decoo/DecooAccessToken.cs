using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Decoo;

/// <summary>
/// <c>GET /decoo/oauth/accessToken</c> → <c>{"Code":200,"Msg":"Success","Data":"&lt;access token&gt;"}</c>: a token for the
/// endpoint routes' <c>UserAccessToken</c> header, valid for <c>Gateway__Decoo__AccessTokenLifetime</c> (2 h), stored hashed.
/// </summary>
internal static class DecooAccessToken
{
    public const string Name = "DecooAccessToken";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/oauth/accessToken", HandleAsync).AsFunction(Name).Produces<DecooCommonResponse<string>>();

    private static async Task<IResult> HandleAsync(HttpContext context, DecooAccessTokenScheme tokens, CancellationToken cancellationToken)
    {
        var (_, token) = await tokens.IssueAsync(context.GetPrincipal(), cancellationToken);
        return Results.Json(new DecooCommonResponse<string>(200, "Success", token), DecooJsonContext.Default.DecooCommonResponseString);
    }
}
