using FunctionsGateway.Core.Ipfs;
using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// One gateway request, shared by both functions: parse the CID and path, negotiate the format (<c>format</c> wins
/// over <c>Accept</c>), resolve the path under the visibility rule (only public content is served), then answer
/// in the trustless formats (<see cref="IpfsTrustlessResponses"/>) or deserialized (<see cref="IpfsDeserializedResponses"/>).
/// </summary>
internal static class IpfsGatewayRequest
{
    public static async Task<IResult> HandleAsync(HttpContext context, string cid, string? rest, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var query = request.Query;
        if (!IpfsPath.TryCreate(cid, rest, out var path, out var error))
        {
            return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, error);
        }

        path = path with { TrailingSlash = request.Path.Value?.EndsWith('/') == true };
        if (path.Segments.Count == 0 && !path.TrailingSlash && request.Headers["Service-Worker"] == "script")
        {
            // A service worker may only be scoped to a content root with its trailing slash (path gateway spec).
            return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, "a service worker cannot be registered for a content root without a trailing slash");
        }

        if (!GatewayResponseFormat.TryNegotiate(
            query["format"], request.Headers.Accept, query["car-version"], query["car-order"], query["car-dups"], out var format, out var status, out error))
        {
            return IpfsGatewayErrors.Result(status, error);
        }

        if (format.Kind == GatewayResponseKind.Raw && path.Segments.Count > 0)
        {
            return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, $"a raw block is requested by CID alone: ask for /ipfs/{{cid}}?format=raw, not {path}");
        }

        var resolver = context.RequestServices.GetRequiredService<IpfsContentResolver>();
        var content = await resolver.ResolveAsync(path, readerId: null, cancellationToken);
        if (!content.Found)
        {
            return IpfsGatewayErrors.Result(content.Kind == IpfsContentKind.Unsupported ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound, content.Message!);
        }

        return format.Kind switch
        {
            GatewayResponseKind.Raw => IpfsTrustlessResponses.Raw(content, format),
            GatewayResponseKind.Car => IpfsTrustlessResponses.Car(context, content, format),
            _ => await IpfsDeserializedResponses.CreateAsync(context, content, resolver, cancellationToken),
        };
    }
}
