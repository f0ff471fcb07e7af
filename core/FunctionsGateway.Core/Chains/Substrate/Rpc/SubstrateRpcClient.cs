using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>
/// A Substrate node's JSON-RPC API over one WebSocket (the RPC methods of spec/cess.md §4.1;
/// polkadot-sdk <c>substrate/client/rpc-api</c>): request ids, concurrent requests, subscriptions, and a
/// reconnect when the socket drops (reads are retried through a Polly pipeline; submissions never are).
/// An immutable singleton; every failure is a <see cref="SubstrateRpcException"/>.
/// </summary>
public sealed class SubstrateRpcClient : IAsyncDisposable
{
    private readonly SubstrateRpcOptions _options;
    private readonly Uri _endpoint;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _readPipeline;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private RpcConnection? _connection;
    private long _nextId;
    private bool _disposed;

    public SubstrateRpcClient(IOptions<SubstrateRpcOptions> options, ILogger<SubstrateRpcClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _endpoint = new Uri(_options.Endpoint);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _readPipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SubstrateRpcException>(e => e.Kind == SubstrateRpcErrorKind.Transport),
                MaxRetryAttempts = Math.Max(_options.MaxRetries, 1),
                Delay = TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
        if (_options.MaxRetries == 0)
        {
            _readPipeline = ResiliencePipeline.Empty;
        }
    }

    /// <summary>A raw request: <paramref name="parameters"/> may hold strings, numbers, booleans, nulls, byte arrays (sent as <c>0x</c> hex) and JSON elements.</summary>
    public Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        _readPipeline.ExecuteAsync(
            static async (state, ct) => await state.Client.RequestOnceAsync(state.Method, state.Parameters, null, ct),
            (Client: this, Method: method, Parameters: parameters),
            cancellationToken).AsTask();

    /// <summary>Subscribes (e.g. <c>chain_subscribeNewHeads</c>); disposing the subscription calls <paramref name="unsubscribeMethod"/>.</summary>
    public async Task<RpcSubscription> SubscribeAsync(string method, IReadOnlyList<object?>? parameters, string unsubscribeMethod, CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var connection = await GetConnectionAsync(cancellationToken);
        var result = await SendAsync(connection, method, parameters, channel, cancellationToken);
        var id = result.ValueKind == JsonValueKind.String ? result.GetString()! : result.GetRawText();
        return new RpcSubscription(id, channel.Reader, async () =>
        {
            connection.RemoveSubscription(id);
            if (connection.IsOpen)
            {
                try
                {
                    await SendAsync(connection, unsubscribeMethod, [id], null, CancellationToken.None);
                }
                catch (SubstrateRpcException e)
                {
                    SubstrateRpcLog.UnsubscribeFailed(_logger, e, unsubscribeMethod);
                }
            }
        });
    }

    /// <summary><c>system_chain</c>: the chain's name, e.g. <c>cess-testnet</c>.</summary>
    public async Task<string> GetChainAsync(CancellationToken cancellationToken = default) =>
        GetString(await RequestAsync("system_chain", null, cancellationToken));

    /// <summary><c>chain_getBlockHash</c>: the hash of block <paramref name="number"/> (the best block when null), or null when there is none.</summary>
    public async Task<string?> GetBlockHashAsync(uint? number = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("chain_getBlockHash", number is null ? [] : [number.Value], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : GetString(result);
    }

    /// <summary><c>chain_getFinalizedHead</c>.</summary>
    public async Task<string> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        GetString(await RequestAsync("chain_getFinalizedHead", null, cancellationToken));

    /// <summary><c>chain_getHeader</c>: the header of a block (the best block when null), or null when unknown.</summary>
    public async Task<BlockHeader?> GetHeaderAsync(string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("chain_getHeader", blockHash is null ? [] : [blockHash], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : ParseHeader(result);
    }

    /// <summary><c>chain_getBlock</c>: header and extrinsics, or null when unknown.</summary>
    public async Task<SignedBlock?> GetBlockAsync(string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("chain_getBlock", blockHash is null ? [] : [blockHash], cancellationToken);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Parse(() =>
        {
            var block = result.GetProperty("block");
            var extrinsics = block.GetProperty("extrinsics").EnumerateArray().Select(e => HexString.Decode(e.GetString()!)).ToList();
            return new SignedBlock(ParseHeader(block.GetProperty("header")), extrinsics);
        });
    }

    /// <summary><c>state_getRuntimeVersion</c> at a block (the best when null).</summary>
    public async Task<RuntimeVersion> GetRuntimeVersionAsync(string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("state_getRuntimeVersion", blockHash is null ? [] : [blockHash], cancellationToken);
        return Parse(() => new RuntimeVersion(
            result.GetProperty("specName").GetString()!,
            result.GetProperty("implName").GetString()!,
            result.GetProperty("specVersion").GetUInt32(),
            result.GetProperty("implVersion").GetUInt32(),
            result.GetProperty("transactionVersion").GetUInt32()));
    }

    /// <summary><c>state_getMetadata</c>: the SCALE <c>RuntimeMetadataPrefixed</c> bytes (V14 on current nodes).</summary>
    public async Task<byte[]> GetMetadataAsync(string? blockHash = null, CancellationToken cancellationToken = default) =>
        GetBytes(await RequestAsync("state_getMetadata", blockHash is null ? [] : [blockHash], cancellationToken));

    /// <summary><c>state_call</c>: runs a runtime API function and returns its SCALE result.</summary>
    public async Task<byte[]> CallAsync(string function, byte[] data, string? blockHash = null, CancellationToken cancellationToken = default) =>
        GetBytes(await RequestAsync("state_call", blockHash is null ? [function, data] : [function, data, blockHash], cancellationToken));

    /// <summary><c>state_getStorage</c>: the value under <paramref name="key"/> at a block (the best when null), or null when absent.</summary>
    public async Task<byte[]?> GetStorageAsync(byte[] key, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("state_getStorage", blockHash is null ? [key] : [key, blockHash], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : GetBytes(result);
    }

    /// <summary><c>state_getKeysPaged</c>: up to <paramref name="count"/> keys under <paramref name="prefix"/>, after <paramref name="startKey"/>.</summary>
    public async Task<IReadOnlyList<byte[]>> GetKeysPagedAsync(byte[] prefix, int count, byte[]? startKey = null, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("state_getKeysPaged", [prefix, count, startKey, blockHash], cancellationToken);
        return Parse(() => result.EnumerateArray().Select(k => HexString.Decode(k.GetString()!)).ToList());
    }

    /// <summary><c>system_accountNextIndex</c>: the account's next nonce, counting transactions in the pool.</summary>
    public async Task<uint> GetAccountNextIndexAsync(string address, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("system_accountNextIndex", [address], cancellationToken);
        return Parse(() => result.GetUInt32());
    }

    /// <summary><c>author_submitExtrinsic</c>: hands the transaction to the pool; returns its hash. Not retried.</summary>
    public async Task<string> SubmitExtrinsicAsync(SignedExtrinsic extrinsic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extrinsic);
        return GetString(await RequestOnceAsync("author_submitExtrinsic", [extrinsic.ToHex()], null, cancellationToken));
    }

    /// <summary><c>author_submitAndWatchExtrinsic</c>: submits and follows the transaction's status. Not retried.</summary>
    public async Task<ExtrinsicWatch> SubmitAndWatchExtrinsicAsync(SignedExtrinsic extrinsic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extrinsic);
        var subscription = await SubscribeAsync("author_submitAndWatchExtrinsic", [extrinsic.ToHex()], "author_unwatchExtrinsic", cancellationToken);
        return new ExtrinsicWatch(HexString.Encode(extrinsic.Hash.Span), subscription);
    }

    public async ValueTask DisposeAsync()
    {
        await _connectLock.WaitAsync();
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _connectLock.Release();
        }

        _connectLock.Dispose();
    }

    private async Task<JsonElement> RequestOnceAsync(string method, IReadOnlyList<object?>? parameters, Channel<JsonElement>? subscription, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(cancellationToken);
        return await SendAsync(connection, method, parameters, subscription, cancellationToken);
    }

    private async Task<JsonElement> SendAsync(RpcConnection connection, string method, IReadOnlyList<object?>? parameters, Channel<JsonElement>? subscription, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = WriteRequest(id, method, parameters);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        try
        {
            return await connection.SendAsync(id, request, subscription, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Timeout, $"{method} got no answer within {_options.RequestTimeoutSeconds} s.", e);
        }
    }

    private async Task<RpcConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        var current = _connection;
        if (current is { IsOpen: true })
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsOpen: true } open)
            {
                return open;
            }

            if (_connection is not null)
            {
                SubstrateRpcLog.Reconnecting(_logger, _endpoint);
                await _connection.DisposeAsync();
                _connection = null;
            }

            _connection = await RpcConnection.OpenAsync(_endpoint, TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds), _options.MaxMessageBytes, _logger, cancellationToken);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static ReadOnlyMemory<byte> WriteRequest(long id, string method, IReadOnlyList<object?>? parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var parameter in parameters ?? [])
            {
                switch (parameter)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string s:
                        writer.WriteStringValue(s);
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case int i:
                        writer.WriteNumberValue(i);
                        break;
                    case uint u:
                        writer.WriteNumberValue(u);
                        break;
                    case long l:
                        writer.WriteNumberValue(l);
                        break;
                    case ulong ul:
                        writer.WriteNumberValue(ul);
                        break;
                    case byte[] bytes:
                        writer.WriteStringValue(HexString.Encode(bytes));
                        break;
                    case JsonElement element:
                        element.WriteTo(writer);
                        break;
                    default:
                        throw new ArgumentException($"Unsupported RPC parameter type {parameter.GetType().Name}.", nameof(parameters));
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static BlockHeader ParseHeader(JsonElement header) => Parse(() => new BlockHeader(
        header.GetProperty("parentHash").GetString()!,
        ParseHexNumber(header.GetProperty("number")),
        header.GetProperty("stateRoot").GetString()!,
        header.GetProperty("extrinsicsRoot").GetString()!));

    private static uint ParseHexNumber(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number
            ? element.GetUInt32()
            : uint.Parse(element.GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string GetString(JsonElement element) => Parse(() => element.GetString() ?? throw new FormatException("Expected a string result."));

    private static byte[] GetBytes(JsonElement element) => Parse(() => HexString.Decode(element.GetString() ?? throw new FormatException("Expected hex.")));

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"Unexpected answer from the node: {e.Message}", e);
        }
    }
}
