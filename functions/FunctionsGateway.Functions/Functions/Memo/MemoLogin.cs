using System.Text.Json;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>POST /memo/login</c>, both eras on one route; the body decides (compat §2.3, §2.5):
/// <c>{message, signature}</c> → 200 <c>{"accessToken","refreshToken"}</c>;
/// <c>{did, token, timestamp, signature}</c> → 200 <c>text/plain "Login success!"</c> or 401 <c>{"error"}</c>.
/// </summary>
internal static class MemoLogin
{
    public const string Name = "MemoLogin";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/login", HandleAsync).AsFunction(Name)
            .Accepts<JsonElement>("application/json")
            .Produces<MemoTokensResponse>()
            .Produces<string>(contentType: "text/plain");

    private static async Task<IResult> HandleAsync(HttpContext context, MemoSiweLogin siwe, MemoDidAuth did, CancellationToken cancellationToken)
    {
        var body = await MemoJsonBody.ReadAsync(context.Request, cancellationToken);
        if (body.IsDidLogin)
        {
            if (body.String("did") is not { } id || body.String("token") is not { } token || body.Int64("timestamp") is not { } timestamp
                || body.String("signature") is not { } signature)
            {
                return MemoResults.DidError(MemoDidAuth.MissingParameters);
            }

            var failure = await did.LoginAsync(id, token, timestamp, signature, cancellationToken);
            return failure is null ? Results.Text("Login success!", "text/plain; charset=utf-8") : MemoResults.DidError(failure);
        }

        var tokens = await siwe.LoginAsync(body.String("message"), body.String("signature"), cancellationToken);
        return MemoResults.Json(new MemoTokensResponse(tokens.AccessToken, tokens.RefreshToken), MemoJsonContext.Default.MemoTokensResponse);
    }
}
