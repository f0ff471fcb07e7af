using FunctionsGateway.Core.Accounts;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Runs one <see cref="IAuthScheme"/> before a function and answers 401 when it fails, in the body shape of the
/// endpoint's surface (<see cref="IErrorBodyWriter"/>; the gateway's envelope by default): the surface maps the
/// failure once, STYLE.md rule 2.
/// </summary>
internal static class AuthSchemeFilter
{
    /// <summary>Requires <typeparamref name="TScheme"/> on every endpoint of the group.</summary>
    public static TBuilder RequireScheme<TBuilder, TScheme>(this TBuilder builder, string challenge)
        where TBuilder : IEndpointConventionBuilder
        where TScheme : IAuthScheme
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var scheme = http.RequestServices.GetRequiredService<TScheme>();
            var result = await scheme.AuthenticateAsync(http.Request, http.RequestAborted);
            if (!result.Succeeded)
            {
                http.Response.Headers.WWWAuthenticate = challenge;
                return GatewayErrors.ForEndpoint(StatusCodes.Status401Unauthorized, "unauthorized", result.Detail ?? Describe(result.Failure));
            }

            http.SetPrincipal(result.Principal!);
            return await next(context);
        });
        return builder;
    }

    private static string Describe(AuthFailure failure) => failure switch
    {
        AuthFailure.Missing => "Credentials are required.",
        AuthFailure.Expired => "The credential has expired.",
        AuthFailure.Revoked => "The credential has been revoked.",
        _ => "The credential is not valid.",
    };
}
