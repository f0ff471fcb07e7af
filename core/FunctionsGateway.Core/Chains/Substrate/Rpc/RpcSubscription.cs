using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>
/// An active JSON-RPC subscription: its notifications' <c>result</c> values in arrival order. Disposing it
/// unsubscribes. If the connection drops, reading fails with a transport <see cref="SubstrateRpcException"/>
/// (subscriptions do not survive a reconnect).
/// </summary>
public sealed class RpcSubscription : IAsyncDisposable
{
    private readonly ChannelReader<JsonElement> _reader;
    private readonly Func<ValueTask> _unsubscribe;
    private int _disposed;

    internal RpcSubscription(string id, ChannelReader<JsonElement> reader, Func<ValueTask> unsubscribe)
    {
        Id = id;
        _reader = reader;
        _unsubscribe = unsubscribe;
    }

    public string Id { get; }

    /// <summary>The notifications until the subscription ends.</summary>
    public async IAsyncEnumerable<JsonElement> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _reader.WaitToReadAsync(cancellationToken))
        {
            while (_reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _unsubscribe();
        }
    }
}
