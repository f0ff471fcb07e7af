using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>Where an auth filter leaves the authenticated principal for the function it guards.</summary>
internal static class PrincipalAccessor
{
    private static readonly object Key = new();

    public static void SetPrincipal(this HttpContext context, GatewayPrincipal principal) => context.Items[Key] = principal;

    /// <summary>The principal an auth filter has set, or null (an anonymous route, or its filter has not run yet).</summary>
    public static GatewayPrincipal? FindPrincipal(this HttpContext context) => context.Items[Key] as GatewayPrincipal;

    /// <summary>The principal; the endpoint's auth filter guarantees one.</summary>
    public static GatewayPrincipal GetPrincipal(this HttpContext context) =>
        context.Items[Key] as GatewayPrincipal ?? throw new InvalidOperationException("No principal: the endpoint lacks its auth filter.");
}
