using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace FunctionsGateway.Functions.Tests.Reliability.BadInput;

/// <summary>
/// Every route of every surface, enumerated from the handler's endpoint data source (a surface mapped later is
/// covered without a change here), sent the <see cref="BadInputCorpus"/> with the caller's valid credentials for
/// that surface, against the handler started by the launch contract: each answer is a 4xx in the surface's own
/// envelope, with no stack trace, and nothing is stored.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed partial class BadInputCorpusTests(AzuriteFixture azurite)
{
    /// <summary>Cases a route that reads no body answered with a 2xx (reported when something was stored).</summary>
    private static readonly ConcurrentBag<string> IgnoredBodies = [];

    /// <summary>How many corpus requests are in flight at once.</summary>
    private const int Parallelism = 8;

    /// <summary>
    /// GET routes without route values that read no query (or none the corpus could make invalid): a 2xx to the bad
    /// query is their right answer, not a fault.
    /// </summary>
    private static readonly HashSet<string> QueryFreeRoutes = new(StringComparer.Ordinal)
    {
        "/health",
        "/openapi/v1.json",
        "/ops/identities",
    };

    [Fact]
    public async Task EveryRoute_BadInputCorpus_4xxInTheSurfaceEnvelopeNoStackTraceNothingStored()
    {
        await using var gateway = await LaunchedGateway.StartAsync(azurite, new Dictionary<string, string?>(SurfaceCredentials.Settings));
        var credentials = await SurfaceCredentials.IssueAsync(gateway.Twin, "corpus");
        var before = await gateway.ListStoredAsync();

        var cases = gateway.HttpFunctionEndpoints().SelectMany(Cases).ToList();
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(cases.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                var failure = await SendAsync(gateway.Http, credentials, c);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} corpus requests were answered wrongly:\n" + string.Join('\n', failures.Order(StringComparer.Ordinal).Take(60)));
        var after = await gateway.ListStoredAsync();
        Assert.True(before.Files.SequenceEqual(after.Files), "files recorded: " + string.Join("; ", after.Files.Except(before.Files)) + "\nby one of: " + string.Join("\n", IgnoredBodies));
        Assert.True(before.StagedBlobs.SequenceEqual(after.StagedBlobs), "blobs staged: " + string.Join("; ", after.StagedBlobs.Except(before.StagedBlobs)));
        Assert.True(cases.Count > 500, $"only {cases.Count} corpus requests");
    }

    /// <summary>The corpus requests for one endpoint.</summary>
    private static IEnumerable<CorpusCase> Cases(RouteEndpoint endpoint)
    {
        var template = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods;
        foreach (var method in methods.Where(m => m is not "HEAD" and not "OPTIONS"))
        {
            var plausible = Fill(template, p => BadInputCorpus.PlausibleValue(p));
            if (parameters.Count > 0)
            {
                var names = parameters.Any(BadInputCorpus.IsName);
                foreach (var (name, value, _) in BadInputCorpus.RouteValues.Where(v => v.BadName || !names))
                {
                    yield return new CorpusCase(endpoint, method, Fill(template, _ => value), name, null, null);
                }
            }
            else if (method == "GET" && !QueryFreeRoutes.Contains(template))
            {
                yield return new CorpusCase(endpoint, method, template + BadInputCorpus.BadQuery, "bad query values", null, null);
            }

            if (method is "POST" or "PUT" or "PATCH" or "DELETE")
            {
                foreach (var (name, body) in BadInputCorpus.Bodies)
                {
                    yield return new CorpusCase(endpoint, method, plausible, name, body, null);
                }
            }

            yield return new CorpusCase(endpoint, method, plausible, "huge header", null, BadInputCorpus.HugeHeader);
        }
    }

    private static string Fill(string template, Func<string, string> value) =>
        RouteParameter().Replace(template, m => value(m.Groups["name"].Value));

    /// <summary>Sends one case; a description of what is wrong with the answer, or null.</summary>
    private static async Task<string?> SendAsync(HttpClient http, SurfaceCredentials credentials, CorpusCase corpusCase)
    {
        using var request = new HttpRequestMessage(new HttpMethod(corpusCase.Method), corpusCase.Path);
        credentials.Apply(request, corpusCase.Path);
        if (corpusCase.Body is not null)
        {
            request.Content = corpusCase.Body();
        }

        if (corpusCase.Header is { } header)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        int status;
        byte[] body;
        string? contentType;
        try
        {
            if (request.Content?.Headers.ContentLength > BadInputCorpus.SmallBodyLimit)
            {
                (status, contentType, body) = await RawHttpExchange.SendAsync(http.BaseAddress!, request);
            }
            else
            {
                using var response = await http.SendAsync(request);
                status = (int)response.StatusCode;
                contentType = response.Content.Headers.ContentType?.ToString();
                body = await response.Content.ReadAsByteArrayAsync();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return $"{corpusCase}: the connection failed ({e.Message})";
        }

        var text = System.Text.Encoding.UTF8.GetString(body);
        if (status is >= 200 and < 300 && corpusCase.Body is not null && corpusCase.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null)
        {
            IgnoredBodies.Add($"{corpusCase}: {status}");
            // A route that declares no request body ignores the corpus's: its answer is no error. What it stored is checked at the end.
            return null;
        }

        if (status is < 400 or >= 500 && !MemoClientError(corpusCase.Endpoint, status))
        {
            return $"{corpusCase}: {status} {Excerpt(text)}";
        }

        if (StackTrace().IsMatch(text))
        {
            return $"{corpusCase}: a stack trace in the body: {Excerpt(text)}";
        }

        // Kestrel refuses a request line with a NUL and oversized headers before any route is known: an empty 400
        // or 431, as the Functions host's own front end answers them in Azure.
        if (status is 400 or 431 && body.Length == 0 && contentType is null)
        {
            return null;
        }

        var shape = ErrorEnvelopeShape.Of(contentType, body);
        var expected = await ErrorEnvelopeShape.ExpectedAsync(corpusCase.Endpoint, status);
        return expected.Contains(shape) ? null : $"{corpusCase}: {status} {shape}, expected {string.Join(" or ", expected)}: {Excerpt(text)}";
    }

    /// <summary>
    /// MEMO answers client errors with its own 5xx statuses (compat.md §2, kept exact): 517 Address, 518 storage not
    /// served, 523 service not configured, 525 a rule of the route, 526 permission. Its server failures (516, 519–522,
    /// 524, 527, 500) stay failures here.
    /// </summary>
    private static bool MemoClientError(RouteEndpoint endpoint, int status) =>
        endpoint.Metadata.GetMetadata<FunctionsGateway.Functions.Hosting.IErrorBodyWriter>() is FunctionsGateway.Functions.Functions.Memo.MemoErrorBodyWriter
        && status is 517 or 518 or 523 or 525 or 526;

    private static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"\{\*?(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>.NET stack frames or exception type names.</summary>
    [GeneratedRegex(@"\bat [\w.`<>]+\.[\w<>]+\(|\w+Exception\b|StackTrace")]
    private static partial Regex StackTrace();

    private sealed record CorpusCase(RouteEndpoint Endpoint, string Method, string Path, string Input, Func<HttpContent>? Body, (string Name, string Value)? Header)
    {
        public override string ToString() => $"{Method} {(Path.Length > 90 ? Path[..90] + "…" : Path)} [{Input}]";
    }
}
