using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// tus 1.0.0 resumable uploads (core with X-HTTP-Method-Override, creation, termination, checksum, expiration) at <c>/uploads/tus/</c>,
/// authenticated by the files API's bearer tokens. <c>OPTIONS</c> only describes the server and needs none:
/// a CORS preflight never carries credentials.
/// </summary>
internal static class TusFunctions
{
    public static IEndpointRouteBuilder MapTusFunctions(this IEndpointRouteBuilder routes)
    {
        var tus = routes.MapGroup("/uploads/tus").WithTags("Uploads").RequireTusResumable();
        GetTusCapabilities.Map(tus);
        var uploads = tus.MapGroup("").RequireScheme<RouteGroupBuilder, BearerTokenScheme>("Bearer").RequireAdmission("uploads");
        CreateTusUpload.Map(uploads);
        GetTusUploadOffset.Map(uploads);
        AppendTusUpload.Map(uploads);
        TerminateTusUpload.Map(uploads);
        OverrideTusMethod.Map(uploads);
        return routes;
    }
}
