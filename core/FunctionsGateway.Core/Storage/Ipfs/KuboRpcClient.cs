using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FunctionsGateway.Core.Content.Multiformats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>
/// A client of an IPFS node's Kubo RPC API (https://docs.ipfs.tech/reference/kubo/rpc/; DESIGN.md §7): every call is
/// a <c>POST /api/v0/{command}?arg=…&amp;option=…</c>, files go as <c>multipart/form-data</c>, answers are JSON or NDJSON.
/// Works with Kubo and with js-ipfs (spec/test-peers.md): CIDs in answers are parsed into <see cref="Cid"/> values,
/// so that js-ipfs's base58 CIDv1 (<c>z…</c>) and Kubo's base32 (<c>b…</c>) compare equal.
/// </summary>
/// <remarks>
/// An immutable singleton. Calls without a file body are retried (Polly.Core, exponential backoff with jitter) when the
/// node does not answer; calls that stream a file (<c>add</c>, <c>dag/import</c>) are sent once, since the stream
/// cannot be replayed, and the push worker retries the whole push. Every failure leaves as <see cref="KuboRpcException"/>.
/// </remarks>
internal sealed partial class KuboRpcClient : IDisposable
{
    /// <summary>The trailer Kubo and js-ipfs set when a streamed answer fails after it started.</summary>
    private const string StreamErrorTrailer = "X-Stream-Error";

    private const int MaxErrorBodyChars = 4096;

    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;
    private readonly IpfsOptions _options;
    private readonly ILogger _logger;

    public KuboRpcClient(IOptions<IpfsOptions> options, ILogger<KuboRpcClient> logger)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), logger, CreateHandler())
    {
    }

    /// <summary>A client over <paramref name="handler"/>, which it owns.</summary>
    internal KuboRpcClient(IpfsOptions options, ILogger logger, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _http = new HttpClient(handler) { BaseAddress = options.RpcBase, Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(options.Authorization))
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", options.Authorization);
        }

        var retry = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            retry.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<KuboRpcException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            });
        }

        _retry = retry.Build();
    }

    /// <summary>The RPC base address (<c>…/api/v0/</c>).</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>
    /// <c>add</c>: streams <paramref name="content"/> to the node as one file, without buffering it, and returns the
    /// file's root. Progress lines are skipped. Not retried (the stream cannot be replayed).
    /// </summary>
    public async Task<KuboAddResult> AddAsync(Stream content, KuboAddOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new KuboAddOptions();
        const string command = "add";
        var query = Query(
            ("cid-version", Format(options.CidVersion)),
            ("raw-leaves", Format(options.RawLeaves)),
            ("chunker", options.Chunker),
            ("hash", options.Hash),
            ("max-file-links", Format(options.MaxFileLinks)),
            ("pin", Format(options.Pin)),
            ("only-hash", Format(options.OnlyHash)),
            ("progress", Format(options.Progress)));
        using var body = FileBody(new StreamContent(content, 1 << 20), options.FileName);
        using var response = await SendOnceAsync(command, query, body, _options.UploadTimeout, cancellationToken);
        KuboAddResult? result = null;
        await foreach (var line in ReadNdjsonAsync(command, response, KuboJsonContext.Default.KuboAddEvent, cancellationToken))
        {
            if (line.Hash is { } hash)
            {
                result = new KuboAddResult(line.Name ?? options.FileName, ParseCid(command, hash), line.Size ?? 0);
            }
        }

        return result ?? throw new KuboRpcException(command, (int)response.StatusCode, "The node's answer named no file.");
    }

    /// <summary>
    /// <c>cat</c>: the file's bytes from <paramref name="offset"/>, at most <paramref name="length"/> of them (all when
    /// null), as the node's response stream; the caller disposes it.
    /// </summary>
    public async Task<Stream> CatAsync(Cid cid, long offset = 0, long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(length));
            if (n == 0)
            {
                return Stream.Null;
            }
        }

        var query = Query(("arg", Arg(cid)), ("offset", offset > 0 ? Format(offset) : null), ("length", Format(length)));
        var response = await SendAsync("cat", query, null, cancellationToken);
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary><c>block/get</c>: one block's bytes.</summary>
    public async Task<byte[]> BlockGetAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync("block/get", Query(("arg", Arg(cid))), null, cancellationToken);
        return await ReadAsync("block/get", response, r => r.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary><c>block/put</c>: stores one block and returns its CID as the node computed it.</summary>
    public async Task<KuboBlockStat> BlockPutAsync(ReadOnlyMemory<byte> block, KuboBlockPutOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KuboBlockPutOptions();
        const string command = "block/put";
        var query = Query(
            ("cid-codec", options.CidCodec),
            ("format", options.Format),
            ("mhtype", options.MultihashType),
            ("version", Format(options.CidVersion)),
            ("pin", Format(options.Pin)));
        using var response = await SendAsync(command, query, () => FileBody(new ReadOnlyMemoryContent(block), "block"), cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboBlockStatBody, cancellationToken);
        return new KuboBlockStat(ParseCid(command, body.Key), body.Size);
    }

    /// <summary><c>block/stat</c>: the block's CID and length.</summary>
    public async Task<KuboBlockStat> BlockStatAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        const string command = "block/stat";
        using var response = await SendAsync(command, Query(("arg", Arg(cid))), null, cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboBlockStatBody, cancellationToken);
        return new KuboBlockStat(ParseCid(command, body.Key), body.Size);
    }

    /// <summary>
    /// <c>dag/import</c>: streams the CAR that <paramref name="writeCar"/> writes (not buffered, not retried) and returns
    /// the roots the node pinned; none when <paramref name="pinRoots"/> is false (the node reports roots only when it
    /// pins them).
    /// </summary>
    public async Task<IReadOnlyList<KuboImportedRoot>> DagImportAsync(
        Func<Stream, CancellationToken, Task> writeCar, bool pinRoots = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeCar);
        const string command = "dag/import";
        var car = new WriterContent(writeCar);
        using var body = FileBody(car, "dag.car");
        HttpResponseMessage response;
        try
        {
            response = await SendOnceAsync(command, Query(("pin-roots", Format(pinRoots))), body, _options.UploadTimeout, cancellationToken);
        }
        catch (KuboRpcException) when (car.Failure is { } failure)
        {
            // Writing the CAR failed (e.g. its source could not be read), not the node: that is the error to report.
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }

        using (response)
        {
            var roots = new List<KuboImportedRoot>();
            await foreach (var line in ReadNdjsonAsync(command, response, KuboJsonContext.Default.KuboDagImportEvent, cancellationToken))
            {
                if (line.Root is { } root)
                {
                    roots.Add(new KuboImportedRoot(ParseCid(command, root.Cid?.Value), string.IsNullOrEmpty(root.PinErrorMsg) ? null : root.PinErrorMsg));
                }
            }

            return roots;
        }
    }

    /// <summary><c>dag/import</c> of a CAR read from <paramref name="car"/>.</summary>
    public Task<IReadOnlyList<KuboImportedRoot>> DagImportAsync(Stream car, bool pinRoots = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(car);
        return DagImportAsync((destination, ct) => car.CopyToAsync(destination, 1 << 20, ct), pinRoots, cancellationToken);
    }

    /// <summary><c>pin/add</c>: pins <paramref name="cid"/> (with its whole DAG unless not <paramref name="recursive"/>); pinning again is harmless.</summary>
    public async Task<IReadOnlyList<Cid>> PinAddAsync(Cid cid, bool recursive = true, CancellationToken cancellationToken = default)
    {
        const string command = "pin/add";
        using var response = await SendAsync(command, Query(("arg", Arg(cid)), ("recursive", Format(recursive))), null, cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboPinsBody, cancellationToken);
        return [.. (body.Pins ?? []).Select(p => ParseCid(command, p))];
    }

    /// <summary><c>pin/rm</c>: <see cref="KuboPinRemoveResult.NotPinned"/> when there was no such pin (not an error).</summary>
    public async Task<KuboPinRemoveResult> PinRemoveAsync(Cid cid, bool recursive = true, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await SendAsync("pin/rm", Query(("arg", Arg(cid)), ("recursive", Format(recursive))), null, cancellationToken);
            return KuboPinRemoveResult.Removed;
        }
        catch (KuboRpcException e) when (IsNotPinned(e))
        {
            return KuboPinRemoveResult.NotPinned;
        }
    }

    /// <summary>
    /// <c>pin/ls</c>: every pin of <paramref name="type"/>, or, with <paramref name="cids"/>, those of them that are
    /// pinned so (a CID that is not is left out rather than failing the call, as the node would).
    /// </summary>
    public async Task<IReadOnlyList<KuboPin>> PinListAsync(KuboPinType type = KuboPinType.All, IReadOnlyCollection<Cid>? cids = null, CancellationToken cancellationToken = default)
    {
        const string command = "pin/ls";
        var query = Query([("type", type.ToString().ToLowerInvariant()), .. (cids ?? []).Select(c => ("arg", (string?)Arg(c)))]);
        try
        {
            using var response = await SendAsync(command, query, null, cancellationToken);
            var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboPinLsBody, cancellationToken);
            return [.. (body.Keys ?? new Dictionary<string, KuboPinLsEntry>()).Select(p => new KuboPin(ParseCid(command, p.Key), ParsePinType(p.Value.Type)))];
        }
        catch (KuboRpcException e) when (cids is { Count: > 0 } && IsNotPinned(e))
        {
            if (cids.Count == 1)
            {
                return [];
            }

            // The node stops at the first CID that is not pinned; ask for each alone.
            var pins = new List<KuboPin>();
            foreach (var cid in cids)
            {
                pins.AddRange(await PinListAsync(type, [cid], cancellationToken));
            }

            return pins;
        }
    }

    /// <summary>
    /// <c>swarm/connect</c>: dials <paramref name="multiaddr"/> (a provider hint such as a pin's origin). An offline node,
    /// or one that cannot reach the peer, answers with an error.
    /// </summary>
    public async Task SwarmConnectAsync(string multiaddr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(multiaddr);
        using var response = await SendAsync("swarm/connect", Query(("arg", multiaddr)), null, cancellationToken);
    }

    /// <summary><c>files/stat</c> of an IPFS path such as <c>/ipfs/{cid}</c>: the file's length, cumulative size and type.</summary>
    public async Task<KuboFileStat> FilesStatAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        const string command = "files/stat";
        using var response = await SendAsync(command, Query(("arg", path)), null, cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboFilesStatBody, cancellationToken);
        return new KuboFileStat(ParseCid(command, body.Hash), body.Size, body.CumulativeSize, body.Blocks, body.Type ?? "");
    }

    /// <summary><c>id</c>: the node's peer id and agent version (for health and for what its <c>add</c> supports).</summary>
    public async Task<KuboNodeIdentity> IdAsync(CancellationToken cancellationToken = default)
    {
        const string command = "id";
        using var response = await SendAsync(command, "", null, cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboIdBody, cancellationToken);
        return new KuboNodeIdentity(body.Id ?? "", body.AgentVersion ?? "", body.ProtocolVersion, body.Addresses ?? []);
    }

    /// <summary><c>version</c>.</summary>
    public async Task<KuboNodeVersion> VersionAsync(CancellationToken cancellationToken = default)
    {
        const string command = "version";
        using var response = await SendAsync(command, "", null, cancellationToken);
        var body = await ReadJsonAsync(command, response, KuboJsonContext.Default.KuboVersionBody, cancellationToken);
        return new KuboNodeVersion(body.Version ?? "", body.Commit, body.Repo, body.System);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // A singleton: renew pooled connections so that DNS changes of a hosted node are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    // A call without a file body (or with one that can be rebuilt): retried when the node does not answer.
    private async Task<HttpResponseMessage> SendAsync(string command, string query, Func<HttpContent>? content, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async token =>
            {
                using var body = content?.Invoke();
                return await SendOnceAsync(command, query, body, _options.RequestTimeout, token);
            },
            cancellationToken);

    // One try: the answer once its headers are in, or KuboRpcException (status 0 when nothing answered in time).
    private async Task<HttpResponseMessage> SendOnceAsync(string command, string query, HttpContent? content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, command + query) { Content = content };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (HttpRequestException e)
        {
            throw new KuboRpcException(command, 0, $"The IPFS node at {BaseAddress} did not answer: {e.Message}", null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KuboRpcException(command, 0, $"The IPFS node at {BaseAddress} did not answer within {timeout}.", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ReadErrorAsync(command, response, cancellationToken);
        }
    }

    private static async Task<KuboRpcException> ReadErrorAsync(string command, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new KuboRpcException(command, status, $"HTTP {status} {response.ReasonPhrase}", null, e);
        }

        var error = ParseErrorBody(text);
        return error?.Message is { Length: > 0 } message
            ? new KuboRpcException(command, status, message, error.Code)
            : new KuboRpcException(command, status, $"HTTP {status} {response.ReasonPhrase}: {Shorten(text)}");
    }

    // Null when the body is not the node's JSON error (e.g. a proxy's HTML page); the caller then quotes the text.
    private static KuboErrorBody? ParseErrorBody(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, KuboJsonContext.Default.KuboErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<T> ReadJsonAsync<T>(string command, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var text = await ReadAsync(command, response, r => r.Content.ReadAsStringAsync(cancellationToken));
        return Deserialize(command, text, type);
    }

    // Reads an answer's body; the connection dropping half-way is a transport failure like any other.
    private static async Task<T> ReadAsync<T>(string command, HttpResponseMessage response, Func<HttpResponseMessage, Task<T>> read)
    {
        try
        {
            return await read(response);
        }
        catch (HttpRequestException e)
        {
            throw new KuboRpcException(command, 0, $"The answer was cut short: {e.Message}", null, e);
        }
    }

    private static async IAsyncEnumerable<T> ReadNdjsonAsync<T>(
        string command, HttpResponseMessage response, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        while (await ReadAsync(command, response, _ => reader.ReadLineAsync(cancellationToken).AsTask()) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Deserialize(command, line, type);
            }
        }

        // A streamed answer that fails after it started ends early with the error in a trailer.
        if (response.TrailingHeaders.TryGetValues(StreamErrorTrailer, out var errors) && errors.FirstOrDefault() is { Length: > 0 } trailer)
        {
            var error = ParseErrorBody(trailer);
            throw new KuboRpcException(command, (int)response.StatusCode, error?.Message ?? trailer, error?.Code);
        }
    }

    private static T Deserialize<T>(string command, string json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new KuboRpcException(command, 200, $"The node's answer is not the expected JSON: {Shorten(json)}", null, e);
        }
    }

    private static Cid ParseCid(string command, string? text) =>
        Cid.TryParse(text, out var cid, out var error)
            ? cid
            : throw new KuboRpcException(command, 200, $"The node answered an invalid CID \"{Shorten(text ?? "")}\": {error}.");

    private static KuboPinType ParsePinType(string? type) => type switch
    {
        "recursive" => KuboPinType.Recursive,
        "direct" => KuboPinType.Direct,
        "indirect" => KuboPinType.Indirect,
        _ => KuboPinType.All,
    };

    // Kubo: "not pinned or pinned indirectly", "path '…' is not pinned"; js-ipfs: "… is not pinned".
    private static bool IsNotPinned(KuboRpcException e) =>
        !e.IsTransient && e.NodeMessage.Contains("not pinned", StringComparison.OrdinalIgnoreCase);

    private static MultipartFormDataContent FileBody(HttpContent file, string fileName)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"file\"",
            FileName = "\"" + Uri.EscapeDataString(fileName) + "\"",
        };
        return new MultipartFormDataContent { file };
    }

    private static string Query(params (string Name, string? Value)[] options)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in options)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }

    private static string Arg(Cid cid) => cid.ToString();

    private static string? Format(bool? value) => value switch { true => "true", false => "false", null => null };

    private static string? Format(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= MaxErrorBodyChars ? text.Trim() : string.Concat(text.AsSpan(0, MaxErrorBodyChars), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "IPFS node call failed; try {Attempt} in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string? reason);

    // A body written by a callback as the request is sent, e.g. a CAR built while it streams; remembers why it failed.
    private sealed class WriterContent(Func<Stream, CancellationToken, Task> write) : HttpContent
    {
        public Exception? Failure { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            try
            {
                await write(stream, cancellationToken);
            }
            catch (Exception e) when (e is not (IOException or OperationCanceledException))
            {
                Failure = e;
                throw;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
