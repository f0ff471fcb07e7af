using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// Direct-to-blob uploads at <c>/uploads</c>: a SAS URL for one staging blob, written by the client straight to
/// Blob storage, then completed here. Authenticated by the files API's bearer tokens.
/// </summary>
internal static class DirectUploadFunctions
{
    public static IEndpointRouteBuilder MapDirectUploadFunctions(this IEndpointRouteBuilder routes)
    {
        var uploads = routes.MapGroup("/uploads").WithTags("Uploads").RequireScheme<RouteGroupBuilder, BearerTokenScheme>("Bearer").RequireAdmission("uploads");
        CreateDirectUpload.Map(uploads);
        CompleteDirectUpload.Map(uploads);
        return routes;
    }
}
