using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// The content itself (path gateway spec, "Response Payload"): a file's bytes with ranges; a directory redirected
/// to its trailing-slash URL, then its <c>index.html</c> when it has one, else a generated listing; a non-UnixFS
/// block (dag-cbor, dag-json, json, cbor) as itself under its codec's type.
/// </summary>
internal static class IpfsDeserializedResponses
{
    public static async Task<IResult> CreateAsync(HttpContext context, IpfsContent content, IpfsContentResolver resolver, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var fileName = query["filename"].ToString() is { Length: > 0 } name ? name : null;
        var download = string.Equals(query["download"], "true", StringComparison.OrdinalIgnoreCase);
        switch (content.Kind)
        {
            case IpfsContentKind.File or IpfsContentKind.PendingFile:
                return new IpfsFileResult(content, fileName ?? (content.Path.Segments.Count > 0 ? content.Path.Segments[^1] : null), fileName, download, $"\"{content.Terminal}\"");
            case IpfsContentKind.Directory:
                return await DirectoryAsync(context, content, resolver, cancellationToken);
            case IpfsContentKind.OtherCodec:
                var type = content.Terminal.Codec switch
                {
                    Multicodec.DagCbor => "application/vnd.ipld.dag-cbor",
                    Multicodec.DagJson => "application/vnd.ipld.dag-json",
                    Multicodec.Json => "application/json",
                    Multicodec.Cbor => "application/cbor",
                    _ => null,
                };
                return type is null
                    ? IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, $"{content.Terminal} has codec {Multicodec.Describe(content.Terminal.Codec)}, which this gateway cannot serve deserialized; ask for ?format=raw or ?format=car")
                    : new IpfsBlockResult(content, type, $"\"{content.Terminal}\"", disposition: null);
            default:
                return IpfsGatewayErrors.Result(StatusCodes.Status501NotImplemented, $"{content.Terminal} is a UnixFS symlink, which this gateway does not serve");
        }
    }

    private static async Task<IResult> DirectoryAsync(HttpContext context, IpfsContent content, IpfsContentResolver resolver, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!content.Path.TrailingSlash)
        {
            // Relative links inside the directory resolve only from its trailing-slash URL.
            return Results.Redirect((request.PathBase + request.Path).ToUriComponent() + "/" + request.QueryString.ToUriComponent(), permanent: true);
        }

        var index = await resolver.ResolveEntryAsync(content, "index.html", readerId: null, cancellationToken);
        if (index.IsFile)
        {
            return new IpfsFileResult(index, "index.html", dispositionName: null, download: false, $"\"{index.Terminal}\"");
        }

        var entries = new List<DagPbLink>();
        await foreach (var entry in resolver.ListAsync(content, cancellationToken))
        {
            entries.Add(entry);
        }

        var page = DirectoryListingPage.Render(content.Path.ToString().TrimEnd('/') + "/", content.Terminal, entries, content.Path.Segments.Count > 0);
        return new IpfsListingResult(content, page, $"\"DirIndex-{DirectoryListingPage.Version}_CID-{content.Terminal}\"");
    }
}
