using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary>The gateway's own files API (DESIGN.md §4), authenticated by operator-issued bearer tokens.</summary>
internal static class FilesFunctions
{
    public static IEndpointRouteBuilder MapFilesFunctions(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/v1/files").WithTags("Files").RequireScheme<RouteGroupBuilder, BearerTokenScheme>("Bearer").RequireAdmission("files");
        PutFile.Map(files);
        ListFiles.Map(files);
        GetFile.Map(files);
        GetFileStatus.Map(files);
        DeleteFile.Map(files);
        return routes;
    }
}
