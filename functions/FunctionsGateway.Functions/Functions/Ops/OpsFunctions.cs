using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>The operator API (DESIGN.md §6): every route under <c>/ops</c> requires <c>X-Operator-Key</c>.</summary>
internal static class OpsFunctions
{
    public static IEndpointRouteBuilder MapOpsFunctions(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/ops").WithTags("Operators").RequireScheme<RouteGroupBuilder, OperatorKeyScheme>("X-Operator-Key");
        CreateIdentity.Map(ops);
        ListIdentities.Map(ops);
        IssueToken.Map(ops);
        IssueGw3Key.Map(ops);
        IssueDecooKey.Map(ops);
        SetDecooRsaKey.Map(ops);
        RevokeCredential.Map(ops);
        RequeuePush.Map(ops);
        GetCessSpace.Map(ops);
        ChangeCessSpace.Map(ops);
        GetUsage.Map(ops);
        SetQuota.Map(ops);
        return routes;
    }
}
