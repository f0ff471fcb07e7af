using System.Runtime.CompilerServices;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>A transaction submitted with <c>author_submitAndWatchExtrinsic</c>: its hash and its status updates. Disposing it unwatches.</summary>
public sealed class ExtrinsicWatch : IAsyncDisposable
{
    private readonly RpcSubscription _subscription;

    internal ExtrinsicWatch(string transactionHash, RpcSubscription subscription)
    {
        TransactionHash = transactionHash;
        _subscription = subscription;
    }

    /// <summary><c>0x</c> hex of blake2_256 over the encoded extrinsic.</summary>
    public string TransactionHash { get; }

    /// <summary>Status updates (ready → inBlock → finalized, or future/dropped/invalid/usurped) until a final one.</summary>
    public async IAsyncEnumerable<ExtrinsicStatus> ReadUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in _subscription.ReadAllAsync(cancellationToken))
        {
            ExtrinsicStatus status;
            try
            {
                status = ExtrinsicStatus.Parse(element);
            }
            catch (FormatException e)
            {
                throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, e.Message, e);
            }

            yield return status;
            if (status.IsFinal)
            {
                yield break;
            }
        }
    }

    public ValueTask DisposeAsync() => _subscription.DisposeAsync();
}
