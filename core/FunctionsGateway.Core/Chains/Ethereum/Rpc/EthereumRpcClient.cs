using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using FunctionsGateway.Core.Auth.Crypto;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>
/// An Ethereum JSON-RPC client over HTTP (https://ethereum.org/developers/docs/apis/json-rpc). Immutable and
/// thread-safe: one instance per endpoint. Every try has <see cref="EthereumRpcOptions.RequestTimeout"/>;
/// requests that got no answer are retried with Polly, except <c>eth_sendRawTransaction</c>, which is sent
/// once because a retry could not tell a lost request from a lost answer. Every failure is an
/// <see cref="EthereumRpcException"/>.
/// </summary>
public sealed class EthereumRpcClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly EthereumRpcOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _retrying;
    private readonly ResiliencePipeline _once;
    private long _nextId;

    /// <summary>Creates a client; <paramref name="http"/> should have an infinite timeout (the pipeline times each try).</summary>
    public EthereumRpcClient(HttpClient http, EthereumRpcOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _ = options.Endpoint ?? throw new ArgumentException("EthereumRpcOptions.Endpoint is required.", nameof(options));
        _http = http;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retrying = BuildPipeline(options, _timeProvider, options.MaxRetries);
        _once = BuildPipeline(options, _timeProvider, 0);
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        ToUInt64(await RequestQuantityAsync("eth_chainId", static _ => { }, cancellationToken));

    /// <summary><c>eth_call</c>: the raw return data of a call at a block.</summary>
    public async Task<byte[]> CallAsync(EthereumCallRequest call, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = await SendAsync("eth_call", w => { WriteCall(w, call); w.WriteStringValue(block.ToString()); }, retry: true, cancellationToken);
        return EthereumHex.DecodeData(RequireString("eth_call", result));
    }

    /// <summary><c>eth_call</c> of a contract function, with the arguments ABI-encoded and the return values decoded.</summary>
    public async Task<object?[]> CallAsync(EthereumAddress contract, AbiFunction function, IReadOnlyList<object?> arguments, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        var output = await CallAsync(new EthereumCallRequest { To = contract, Data = function.EncodeCall(arguments) }, block, cancellationToken);
        try
        {
            return function.DecodeOutput(output);
        }
        catch (FormatException e)
        {
            throw new EthereumRpcException("eth_call", null, $"{function.Signature} returned data that does not decode: {e.Message}", innerException: e);
        }
    }

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public Task<BigInteger> GetBalanceAsync(EthereumAddress address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RequestQuantityAsync("eth_getBalance", w => { w.WriteStringValue(address.ToLowerHex()); w.WriteStringValue(block.ToString()); }, cancellationToken);

    /// <summary><c>eth_getTransactionCount</c>: the next nonce (<see cref="BlockParameter.Pending"/> counts pending transactions).</summary>
    public async Task<ulong> GetTransactionCountAsync(EthereumAddress address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        ToUInt64(await RequestQuantityAsync("eth_getTransactionCount", w => { w.WriteStringValue(address.ToLowerHex()); w.WriteStringValue(block.ToString()); }, cancellationToken));

    /// <summary><c>eth_gasPrice</c> in wei.</summary>
    public Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        RequestQuantityAsync("eth_gasPrice", static _ => { }, cancellationToken);

    /// <summary><c>eth_estimateGas</c>; a call that would revert fails with the revert reason.</summary>
    public async Task<ulong> EstimateGasAsync(EthereumCallRequest call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ToUInt64(await RequestQuantityAsync("eth_estimateGas", w => WriteCall(w, call), cancellationToken));
    }

    /// <summary><c>eth_feeHistory</c> over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>.</summary>
    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, BlockParameter newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockCount);
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        var result = await SendAsync("eth_feeHistory", w =>
        {
            w.WriteStringValue(EthereumHex.EncodeQuantity(blockCount));
            w.WriteStringValue(newestBlock.ToString());
            w.WriteStartArray();
            foreach (var percentile in rewardPercentiles)
            {
                w.WriteNumberValue(percentile);
            }

            w.WriteEndArray();
        }, retry: true, cancellationToken);
        var wire = Deserialize(result, EthereumRpcJsonContext.Default.RpcFeeHistory, "eth_feeHistory");
        return new FeeHistory(
            ToUInt64(EthereumHex.DecodeQuantity(wire.OldestBlock)),
            [.. wire.BaseFeePerGas.Select(EthereumHex.DecodeQuantity)],
            wire.GasUsedRatio,
            [.. (wire.Reward ?? []).Select(r => (IReadOnlyList<BigInteger>)[.. r.Select(EthereumHex.DecodeQuantity)])]);
    }

    /// <summary><c>eth_sendRawTransaction</c>, sent once (never retried); returns the transaction hash.</summary>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken = default)
    {
        var hex = EthereumHex.EncodeData(rawTransaction.Span);
        var result = await SendAsync("eth_sendRawTransaction", w => w.WriteStringValue(hex), retry: false, cancellationToken);
        return RequireString("eth_sendRawTransaction", result);
    }

    /// <summary>Sends a signed transaction; returns its hash.</summary>
    public Task<string> SendTransactionAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return SendRawTransactionAsync(transaction.Raw.ToArray(), cancellationToken);
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined (or unknown).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionHash);
        var result = await SendAsync("eth_getTransactionReceipt", w => w.WriteStringValue(transactionHash), retry: true, cancellationToken);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var wire = Deserialize(result, EthereumRpcJsonContext.Default.RpcReceipt, "eth_getTransactionReceipt");
        try
        {
            return ToReceipt(wire);
        }
        catch (FormatException e)
        {
            throw new EthereumRpcException("eth_getTransactionReceipt", null, "The receipt is malformed: " + e.Message, innerException: e);
        }
    }

    /// <summary>
    /// Polls for the receipt every <see cref="EthereumRpcOptions.ReceiptPollInterval"/> until it exists;
    /// after <paramref name="timeout"/> (if given) fails with an <see cref="EthereumRpcException"/>.
    /// Cancelling <paramref name="cancellationToken"/> stops waiting with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var deadline = timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (true)
            {
                var receipt = await GetTransactionReceiptAsync(transactionHash, linked.Token);
                if (receipt is not null)
                {
                    return receipt;
                }

                await Task.Delay(_options.ReceiptPollInterval, _timeProvider, linked.Token);
            }
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EthereumRpcException("eth_getTransactionReceipt", null, $"No receipt for {transactionHash} within {timeout}.", innerException: e);
        }
    }

    private async Task<BigInteger> RequestQuantityAsync(string method, Action<Utf8JsonWriter> writeParameters, CancellationToken cancellationToken)
    {
        var result = await SendAsync(method, writeParameters, retry: true, cancellationToken);
        try
        {
            return EthereumHex.DecodeQuantity(RequireString(method, result));
        }
        catch (FormatException e)
        {
            throw new EthereumRpcException(method, null, "The result is not a hex quantity: " + e.Message, innerException: e);
        }
    }

    private async Task<JsonElement> SendAsync(string method, Action<Utf8JsonWriter> writeParameters, bool retry, CancellationToken cancellationToken)
    {
        var body = BuildRequest(Interlocked.Increment(ref _nextId), method, writeParameters);
        var pipeline = retry ? _retrying : _once;
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.Client.SendOnceAsync(state.Method, state.Body, token),
                (Client: this, Method: method, Body: body),
                cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EthereumRpcException(method, null, $"No answer from the node: {e.Message}", httpStatus: (int?)e.StatusCode, innerException: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EthereumRpcException(method, null, $"The node did not answer within {_options.RequestTimeout}.", innerException: e);
        }
    }

    private async ValueTask<JsonElement> SendOnceAsync(string method, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            // No answer from the node itself: transient, so the retry strategy sees it.
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        JsonRpcResponse? answer = null;
        try
        {
            answer = JsonSerializer.Deserialize(content, EthereumRpcJsonContext.Default.JsonRpcResponse);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // A non-JSON error page; reported with its status below.
        }
        catch (JsonException e)
        {
            throw new EthereumRpcException(method, null, "The answer is not JSON-RPC: " + e.Message, httpStatus: (int)response.StatusCode, innerException: e);
        }

        if (answer?.Error is { } error)
        {
            throw new EthereumRpcException(method, error.Code, error.Message ?? "(no message)", RevertDataOf(error.Data));
        }

        if (!response.IsSuccessStatusCode || answer is null || answer.Result.ValueKind == JsonValueKind.Undefined)
        {
            throw new EthereumRpcException(method, null, $"HTTP {(int)response.StatusCode} without a JSON-RPC result.", httpStatus: (int)response.StatusCode);
        }

        return answer.Result.Clone();
    }

    private static byte[] BuildRequest(long id, string method, Action<Utf8JsonWriter> writeParameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            writeParameters(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteCall(Utf8JsonWriter writer, EthereumCallRequest call)
    {
        writer.WriteStartObject();
        if (call.From is { } from)
        {
            writer.WriteString("from", from.ToLowerHex());
        }

        if (call.To is { } to)
        {
            writer.WriteString("to", to.ToLowerHex());
        }

        WriteQuantity(writer, "gas", call.Gas);
        WriteQuantity(writer, "gasPrice", call.GasPrice);
        WriteQuantity(writer, "maxFeePerGas", call.MaxFeePerGas);
        WriteQuantity(writer, "maxPriorityFeePerGas", call.MaxPriorityFeePerGas);
        WriteQuantity(writer, "value", call.Value);
        if (!call.Data.IsEmpty)
        {
            // Both names: "input" is the current one, older nodes (and ganache 7) read "data".
            writer.WriteString("data", EthereumHex.EncodeData(call.Data.Span));
            writer.WriteString("input", EthereumHex.EncodeData(call.Data.Span));
        }

        writer.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter writer, string name, BigInteger? value)
    {
        if (value is { } quantity)
        {
            writer.WriteString(name, EthereumHex.EncodeQuantity(quantity));
        }
    }

    private static byte[]? RevertDataOf(JsonElement data)
    {
        // geth, ganache: "data": "0x…"; some nodes nest it: "data": {"data": "0x…"} or {"result": "0x…"}.
        var hex = data.ValueKind switch
        {
            JsonValueKind.String => data.GetString(),
            JsonValueKind.Object when data.TryGetProperty("data", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            JsonValueKind.Object when data.TryGetProperty("result", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            _ => null,
        };
        if (hex is null || !hex.StartsWith("0x", StringComparison.Ordinal) || hex.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return EthereumHex.DecodeData(hex);
        }
        catch (FormatException)
        {
            // Not hex after all (some nodes put prose in "data"); there is then no revert data.
            return null;
        }
    }

    private static string RequireString(string method, JsonElement result) =>
        result.ValueKind == JsonValueKind.String
            ? result.GetString()!
            : throw new EthereumRpcException(method, null, $"Expected a string result, got {result.ValueKind}.");

    private static T Deserialize<T>(JsonElement result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string method)
    {
        try
        {
            return result.Deserialize(typeInfo) ?? throw new EthereumRpcException(method, null, "The result is null.");
        }
        catch (JsonException e)
        {
            throw new EthereumRpcException(method, null, "The result does not have the expected shape: " + e.Message, innerException: e);
        }
    }

    private static TransactionReceipt ToReceipt(RpcReceipt wire) => new()
    {
        TransactionHash = wire.TransactionHash,
        BlockNumber = ToUInt64(EthereumHex.DecodeQuantity(wire.BlockNumber)),
        BlockHash = wire.BlockHash,
        From = EthereumAddress.Parse(wire.From),
        To = string.IsNullOrEmpty(wire.To) ? null : EthereumAddress.Parse(wire.To),
        ContractAddress = string.IsNullOrEmpty(wire.ContractAddress) ? null : EthereumAddress.Parse(wire.ContractAddress),
        Succeeded = wire.Status is { } status && EthereumHex.DecodeQuantity(status).IsOne,
        GasUsed = ToUInt64(EthereumHex.DecodeQuantity(wire.GasUsed)),
        EffectiveGasPrice = wire.EffectiveGasPrice is { } price ? EthereumHex.DecodeQuantity(price) : null,
        Type = wire.Type is { } type ? (byte)EthereumHex.DecodeQuantity(type) : (byte)0,
        Logs =
        [
            .. wire.Logs.Select(log => new TransactionLog(
                EthereumAddress.Parse(log.Address),
                [.. log.Topics.Select(t => new ReadOnlyMemory<byte>(EthereumHex.DecodeData(t)))],
                EthereumHex.DecodeData(log.Data),
                ToUInt64(EthereumHex.DecodeQuantity(log.LogIndex)))),
        ],
    };

    private static ulong ToUInt64(BigInteger value) =>
        value >= 0 && value <= ulong.MaxValue ? (ulong)value : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{value} does not fit in 64 bits."));

    private static ResiliencePipeline BuildPipeline(EthereumRpcOptions options, TimeProvider timeProvider, int retries)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                // Only "no answer" is retried; a JSON-RPC error is an answer and surfaces at once.
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }
}
