using System.Text.Json;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>POST /memo/lens/login</c> with a Lens challenge <c>{message, signature}</c> → <c>{"accessToken","refreshToken","isRegistered"}</c>;
/// 517 when the Lens check is on and the address has no profile (compat §2.3).
/// </summary>
internal static class MemoLensLogin
{
    public const string Name = "MemoLensLogin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/lens/login", HandleAsync).AsFunction(Name)
            .Accepts<JsonElement>("application/json")
            .Produces<MemoLensTokensResponse>();

    private static async Task<IResult> HandleAsync(HttpContext context, MemoSiweLogin login, CancellationToken cancellationToken)
    {
        var body = await MemoJsonBody.ReadAsync(context.Request, cancellationToken);
        var (tokens, registered) = await login.LensLoginAsync(body.String("message"), body.String("signature"), cancellationToken);
        return MemoResults.Json(new MemoLensTokensResponse(tokens.AccessToken, tokens.RefreshToken, registered), MemoJsonContext.Default.MemoLensTokensResponse);
    }
}
