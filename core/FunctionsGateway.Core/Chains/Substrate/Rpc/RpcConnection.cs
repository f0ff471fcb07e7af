using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>
/// One open WebSocket to the node (JSON-RPC 2.0 over WebSocket, as Substrate's RPC server speaks it):
/// sends requests one frame at a time, reassembles answers of any size, matches them to requests by id,
/// and routes subscription notifications by <c>params.subscription</c>. When the socket fails every
/// waiting request and subscription fails with a transport error; the client then opens a new one.
/// </summary>
internal sealed class RpcConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _subscriptions = new(StringComparer.Ordinal);
    private Task _receiveLoop = Task.CompletedTask;
    private volatile Exception? _failure;

    private RpcConnection(ClientWebSocket socket, int maxMessageBytes, ILogger logger)
    {
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
    }

    public bool IsOpen => _failure is null && _socket.State == WebSocketState.Open;

    public static async Task<RpcConnection> OpenAsync(Uri endpoint, TimeSpan timeout, int maxMessageBytes, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, connectTimeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or System.Net.Http.HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Transport, $"Could not connect to {endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new RpcConnection(socket, maxMessageBytes, logger);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Sends one request and waits for its result; for a subscription, the result is its id and <paramref name="subscription"/> receives its notifications.</summary>
    public async Task<JsonElement> SendAsync(long id, ReadOnlyMemory<byte> request, Channel<JsonElement>? subscription, CancellationToken cancellationToken)
    {
        var pending = new PendingRequest(subscription);
        _pending[id] = pending;
        try
        {
            if (_failure is { } failure)
            {
                throw Lost(failure);
            }

            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException ||
                                      (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The socket is broken: make sure nobody else sends on it and the receive loop ends.
                _failure ??= e;
                _socket.Abort();
                throw Lost(e);
            }
            finally
            {
                _sendLock.Release();
            }

            return await pending.Result.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public void RemoveSubscription(string id)
    {
        if (_subscriptions.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", closeTimeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                SubstrateRpcLog.CloseFailed(_logger, e);
            }
        }

        _socket.Abort();
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        Exception? failure = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(64 * 1024), _stop.Token);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > _maxMessageBytes)
                    {
                        throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"The node sent a message larger than {_maxMessageBytes} bytes.");
                    }
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    failure = new SubstrateRpcException(SubstrateRpcErrorKind.Transport, "The node closed the WebSocket.");
                    break;
                }

                Dispatch(buffer.WrittenMemory);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            failure = new SubstrateRpcException(SubstrateRpcErrorKind.Transport, "The RPC connection was closed.");
        }
        catch (Exception e) when (e is WebSocketException or SubstrateRpcException or ObjectDisposedException or IOException)
        {
            failure = e;
        }

        failure ??= new SubstrateRpcException(SubstrateRpcErrorKind.Transport, "The RPC connection was closed.");
        _failure = failure;
        SubstrateRpcLog.ConnectionEnded(_logger, failure);
        var lost = Lost(failure);
        foreach (var pending in _pending.Values)
        {
            pending.Result.TrySetException(lost);
        }

        foreach (var (id, channel) in _subscriptions)
        {
            channel.Writer.TryComplete(lost);
            _subscriptions.TryRemove(id, out _);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            SubstrateRpcLog.NotJson(_logger, e);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (root.TryGetProperty("id", out var idElement) && idElement.TryGetInt64(out var id))
            {
                CompleteRequest(id, root);
            }
            else if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object &&
                     parameters.TryGetProperty("subscription", out var subscription))
            {
                var key = subscription.ValueKind == JsonValueKind.String ? subscription.GetString()! : subscription.GetRawText();
                if (_subscriptions.TryGetValue(key, out var channel))
                {
                    if (parameters.TryGetProperty("result", out var result))
                    {
                        channel.Writer.TryWrite(result.Clone());
                    }
                    else if (parameters.TryGetProperty("error", out var error))
                    {
                        channel.Writer.TryComplete(ToException(error));
                    }
                }
                else
                {
                    SubstrateRpcLog.UnknownSubscription(_logger, key);
                }
            }
        }
    }

    private void CompleteRequest(long id, JsonElement root)
    {
        if (!_pending.TryGetValue(id, out var pending))
        {
            return; // cancelled or timed out already
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            pending.Result.TrySetException(ToException(error));
            return;
        }

        var result = root.TryGetProperty("result", out var r) ? r.Clone() : default;
        if (pending.Subscription is { } channel)
        {
            // Register before the next message is read, so that no notification can overtake the subscription.
            var key = result.ValueKind == JsonValueKind.String ? result.GetString()! : result.GetRawText();
            _subscriptions[key] = channel;
        }

        pending.Result.TrySetResult(result);
    }

    private static SubstrateRpcException ToException(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : (int?)null;
        var message = error.TryGetProperty("message", out var m) ? m.ToString() : error.GetRawText();
        string? data = null;
        if (error.TryGetProperty("data", out var d))
        {
            data = d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText();
        }

        var text = data is null ? $"RPC error {code}: {message}" : $"RPC error {code}: {message}: {data}";
        return new SubstrateRpcException(SubstrateRpcErrorKind.RpcError, text, null, code, data);
    }

    private static SubstrateRpcException Lost(Exception cause) => cause as SubstrateRpcException is { Kind: SubstrateRpcErrorKind.Transport } transport
        ? new SubstrateRpcException(SubstrateRpcErrorKind.Transport, transport.Message, transport)
        : new SubstrateRpcException(SubstrateRpcErrorKind.Transport, $"The RPC connection failed: {cause.Message}", cause);

    private sealed class PendingRequest(Channel<JsonElement>? subscription)
    {
        public TaskCompletionSource<JsonElement> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Channel<JsonElement>? Subscription { get; } = subscription;
    }
}
