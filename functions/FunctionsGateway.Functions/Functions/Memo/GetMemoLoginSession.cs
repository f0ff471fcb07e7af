using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>GET /memo/login?did=</c> → <c>{"token","timestamp","requestID"}</c>: the DID's session, so that a client
/// can pick up its request ids (seed 002 §1.2); 401 <c>{"error":"cannot find session, please log in first"}</c>.
/// </summary>
internal static class GetMemoLoginSession
{
    public const string Name = "MemoLoginSession";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/login", HandleAsync).AsFunction(Name).Produces<MemoSessionResponse>();

    private static async Task<IResult> HandleAsync(string? did, MemoDidAuth auth, CancellationToken cancellationToken)
    {
        var session = did is null ? null : await auth.GetSessionAsync(did, cancellationToken);
        return session is null
            ? MemoResults.DidError(MemoDidAuth.NoSession)
            : MemoResults.Json(new MemoSessionResponse(session.Token, session.LastLogin, session.RequestId), MemoJsonContext.Default.MemoSessionResponse);
    }
}
