using System.Globalization;
using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Core.Ipfs;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Gw3;

/// <summary>
/// The first step of Gateway3's two-step writes (spec/compat.md §4.2), shared by its functions: check the arguments, then
/// answer <c>{"code":200,"msg":"ok","data":{"url":"…/gw3/upload?sargs=…&amp;ssig=…"}}</c>. Nothing is stored until the body
/// reaches that URL (<see cref="Gw3UploadNode"/>).
/// </summary>
internal static class Gw3TwoStep
{
    public static IResult Begin(HttpContext context, Gw3ContentService service, Gw3UploadOperation operation, string? root = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        long? size = null;
        var sizeText = context.Request.Query["size"].ToString();
        if (operation != Gw3UploadOperation.Delete)
        {
            if (sizeText.Length == 0)
            {
                return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "size is required");
            }

            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Gw3Envelope.Error(StatusCodes.Status400BadRequest, $"size \"{sizeText}\" is not a number of bytes");
            }

            size = parsed;
        }

        if (root is not null)
        {
            if (!IpfsPath.TryCreate(root, path, out var parsedPath, out var error))
            {
                return Gw3Envelope.Error(StatusCodes.Status400BadRequest, error);
            }

            if (parsedPath.Segments.Count == 0)
            {
                return Gw3Envelope.Error(StatusCodes.Status400BadRequest, "the path under the root names no entry");
            }
        }

        var url = service.IssueUploadUrl(context.GetPrincipal(), operation, size, root, path, Gw3Functions.RequestBase(context.Request));
        return Gw3Envelope.Ok(new Gw3UrlData(url), Gw3JsonContext.Default.Gw3ResponseGw3UrlData);
    }
}
