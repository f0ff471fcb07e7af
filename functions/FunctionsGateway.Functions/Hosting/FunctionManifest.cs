using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Reads the functions declared with <see cref="FunctionConventions"/> from the mapped endpoints and checks
/// them against the Functions host's rules (spec/azure.md §1.4): unique names, no route starting with
/// <c>admin</c> or <c>runtime</c>, no two functions with one template and overlapping methods, and no
/// HTTP route that would capture a queue function's <c>POST /{name}</c>. Every endpoint but the readiness
/// ping at <c>/</c> must be a function, so that nothing is reachable locally that Azure would not route.
/// </summary>
internal static partial class FunctionManifest
{
    private static readonly string[] ReservedPrefixes = ["admin", "runtime"];

    /// <summary>The functions of these endpoint sources, ordered by name.</summary>
    /// <exception cref="InvalidOperationException">An endpoint breaks one of the rules above.</exception>
    public static IReadOnlyList<FunctionDefinition> Read(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var functions = new List<FunctionDefinition>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = (endpoint.RoutePattern.RawText ?? throw new InvalidOperationException($"Endpoint '{endpoint.DisplayName}' has no route text.")).Trim('/');
            var metadata = endpoint.Metadata.GetMetadata<FunctionMetadata>();
            if (metadata is null)
            {
                if (route.Length == 0)
                {
                    continue; // The host's readiness ping, not a function.
                }

                throw new InvalidOperationException($"The endpoint '{route}' is not declared as a function (AsFunction).");
            }

            var methods = (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => m.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            functions.Add(new FunctionDefinition(metadata.Name, route, methods, metadata.QueueName));
        }

        Check(functions);
        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static void Check(List<FunctionDefinition> functions)
    {
        foreach (var duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Two endpoints are declared as the function '{duplicate.Key}'.");
        }

        foreach (var function in functions)
        {
            if (!ValidName().IsMatch(function.Name))
            {
                throw new InvalidOperationException($"'{function.Name}' is not a valid function name (a letter, then letters, digits, '-' or '_').");
            }

            if (!function.IsQueueTrigger && ReservedPrefixes.Any(p => function.Route.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"The route '{function.Route}' of {function.Name} starts with a prefix the Functions host reserves.");
            }

            if (!function.IsQueueTrigger && function.Methods.Count == 0)
            {
                throw new InvalidOperationException($"The function {function.Name} must name its HTTP methods.");
            }
        }

        var http = functions.Where(f => !f.IsQueueTrigger).ToList();
        for (var i = 0; i < http.Count; i++)
        {
            for (var j = i + 1; j < http.Count; j++)
            {
                if (string.Equals(http[i].Route, http[j].Route, StringComparison.OrdinalIgnoreCase) && http[i].Methods.Intersect(http[j].Methods).Any())
                {
                    throw new InvalidOperationException($"{http[i].Name} and {http[j].Name} share the route '{http[i].Route}' and a method.");
                }
            }
        }

        foreach (var queue in functions.Where(f => f.IsQueueTrigger))
        {
            if (http.Any(f => string.Equals(f.Route, queue.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"An HTTP route equals the queue function name '{queue.Name}'.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidName();
}
