using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// The CESS-Gateway v0.2.1 surface under <c>/cess</c> (compat.md §1): a client of the original works by changing its
/// base URL. Literal routes (<c>auth</c>, <c>files</c>, <c>state/{fid}</c>) take precedence over <c>{fid}</c> and
/// <c>{filename}</c>, in ASP.NET routing as in the Functions host and in gin.
/// </summary>
internal static class CessFunctions
{
    /// <summary>The surface's name for rate limits (<c>Gateway:RateLimits:Limits:cess</c>).</summary>
    public const string Surface = "cess";

    public static IEndpointRouteBuilder MapCessFunctions(this IEndpointRouteBuilder routes)
    {
        var cess = routes.MapGroup(CessErrors.Prefix).WithTags("CESS-Gateway").WithMetadata(CessErrors.Instance)
            .AddEndpointFilter(CessErrors.ChainFailuresAsync).RequireAdmission(Surface);
        CessAuth.Map(cess);
        CessListFiles.Map(cess);
        CessGetState.Map(cess);
        CessPutFile.Map(cess);
        CessGetFile.Map(cess);
        CessDeleteFile.Map(cess);
        CessOtherRequests.Map(cess);
        return routes;
    }

    /// <summary>The authenticated preamble (compat.md §1.3): 401 <c>Unauthorized</c>, or 401 <c>token expired</c>; then admission as the caller.</summary>
    public static TBuilder RequireCessToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(AdmittedAfterAuthentication.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var result = await http.RequestServices.GetRequiredService<CessTokenScheme>().AuthenticateAsync(http.Request, http.RequestAborted);
            if (!result.Succeeded)
            {
                return CessReply.Of(401, result.Failure == AuthFailure.Expired ? CessMessages.TokenExpired : CessMessages.Unauthorized).ToResult();
            }

            http.SetPrincipal(result.Principal!);
            return await AdmissionFilter.AdmitAsync(context, next, result.Principal!.IdentityId);
        });
        return builder;
    }
}
