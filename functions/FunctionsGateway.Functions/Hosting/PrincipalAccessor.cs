using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>Where an auth filter leaves the authenticated principal for the function it guards.</summary>
internal static class PrincipalAccessor
{
    private static readonly object Key = new();

    /// <summary>Keeps the principal for the function and names its identity in the request's log scope.</summary>
    public static void SetPrincipal(this HttpContext context, GatewayPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principal);
        context.Items[Key] = principal;
        if (context.Features.Get<RequestLogScope>() is { } scope)
        {
            scope.IdentityId = principal.IdentityId;
        }

        System.Diagnostics.Activity.Current?.SetTag("enduser.id", principal.IdentityId);
    }

    /// <summary>The principal an auth filter has set, or null (an anonymous route, or its filter has not run yet).</summary>
    public static GatewayPrincipal? FindPrincipal(this HttpContext context) => context.Items[Key] as GatewayPrincipal;

    /// <summary>The principal; the endpoint's auth filter guarantees one.</summary>
    public static GatewayPrincipal GetPrincipal(this HttpContext context) =>
        context.Items[Key] as GatewayPrincipal ?? throw new InvalidOperationException("No principal: the endpoint lacks its auth filter.");
}
