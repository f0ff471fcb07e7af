using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Hosting;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/challenge?address=&amp;chainid=</c> → <c>text/plain</c>, the EIP-4361 message to sign, for the
/// <c>Origin</c>'s domain and URI, with a nonce usable once within 30 s (compat §2.3).
/// </summary>
internal static class GetMemoChallenge
{
    public const string Name = "MemoChallenge";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/challenge", HandleAsync).AsFunction(Name).Produces<string>(contentType: "text/plain");

    private static async Task<IResult> HandleAsync(HttpContext context, MemoSiweLogin login, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var message = await login.ChallengeAsync(request.Headers[HeaderNames.Origin].ToString(), request.Query["address"], request.Query["chainid"], cancellationToken);
        return Results.Text(message, "text/plain; charset=utf-8");
    }
}
