using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET|POST /memo/refresh</c> with <c>Authorization: Bearer &lt;refresh token&gt;</c> → <c>{"accessToken"}</c>
/// for the same subject (GET in the SIWE era, POST in the DID era); 401 <c>text/plain "Illegal refresh token"</c>.
/// </summary>
internal static class MemoRefresh
{
    public const string Name = "MemoRefresh";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/refresh", [HttpMethods.Get, HttpMethods.Post], HandleAsync).AsFunction(Name).Produces<MemoAccessTokenResponse>();

    private static async Task<IResult> HandleAsync(HttpContext context, MemoTokenService tokens, CancellationToken cancellationToken)
    {
        var refresh = await tokens.AuthenticateAsync(context.Request.Headers[HeaderNames.Authorization].ToString(), Core.Memo.Auth.MemoTokenClaims.RefreshType, cancellationToken);
        if (!refresh.Succeeded)
        {
            return Results.Text("Illegal refresh token", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = refresh.Principal!;
        var access = await tokens.IssueAsync(
            principal.IdentityId,
            principal.Claims[MemoTokenService.SubjectClaim],
            principal.Claims.ContainsKey(MemoTokenService.RegisteredClaim),
            MemoTokenClaims.AccessType,
            cancellationToken);
        return MemoResults.Json(new MemoAccessTokenResponse(access), MemoJsonContext.Default.MemoAccessTokenResponse);
    }
}
