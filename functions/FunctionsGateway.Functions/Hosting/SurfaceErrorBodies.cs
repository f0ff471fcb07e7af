using Microsoft.AspNetCore.Routing;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// The <see cref="IErrorBodyWriter"/> of a surface by the first segment of a request path, for answers made where no
/// route of the surface matched: routing's own 405 and 415 endpoints (a method or a content type no route of the
/// path takes) carry none of the surface group's metadata, yet the client speaks that surface's protocol. A first
/// segment whose routes disagree on the writer, or have none, gives none (the gateway's envelope).
/// </summary>
internal sealed class SurfaceErrorBodies(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyDictionary<string, IErrorBodyWriter>> _byFirstSegment = new(() => Build(endpoints));

    /// <summary>The writer of the surface that <paramref name="path"/> belongs to, or null.</summary>
    public IErrorBodyWriter? ForPath(PathString path)
    {
        var first = FirstSegment(path.Value ?? "");
        return first.Length > 0 && _byFirstSegment.Value.TryGetValue(first, out var writer) ? writer : null;
    }

    private static Dictionary<string, IErrorBodyWriter> Build(EndpointDataSource endpoints)
    {
        var writers = new Dictionary<string, IErrorBodyWriter>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in endpoints.Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<FunctionMetadata>() is { IsQueueTrigger: false })
                     .GroupBy(e => FirstSegment("/" + e.RoutePattern.RawText?.TrimStart('/')), StringComparer.OrdinalIgnoreCase))
        {
            var distinct = group.Select(e => e.Metadata.GetMetadata<IErrorBodyWriter>()).Distinct().ToList();
            if (group.Key.Length > 0 && !group.Key.StartsWith('{') && distinct is [{ } writer])
            {
                writers[group.Key] = writer;
            }
        }

        return writers;
    }

    private static string FirstSegment(string path)
    {
        var trimmed = path.TrimStart('/');
        var end = trimmed.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
