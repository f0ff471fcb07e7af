using Microsoft.AspNetCore.StaticFiles;

namespace FunctionsGateway.Core.Memo.Files;

/// <summary>A file's Content-Type from its name's extension, as the original's downloads set it (compat §2.4).</summary>
internal static class MemoContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    /// <summary>The registered type of the extension; <c>application/octet-stream</c> when there is none.</summary>
    public static string FromName(string name) =>
        Provider.TryGetContentType(name, out var type) ? type : "application/octet-stream";
}
