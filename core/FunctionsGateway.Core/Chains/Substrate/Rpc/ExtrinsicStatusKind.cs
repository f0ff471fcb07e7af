namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>The states <c>author_submitAndWatchExtrinsic</c> reports (sc-transaction-pool-api <c>TransactionStatus</c>).</summary>
public enum ExtrinsicStatusKind
{
    Future,
    Ready,
    Broadcast,
    InBlock,
    Retracted,
    FinalityTimeout,
    Finalized,
    Usurped,
    Dropped,
    Invalid,
}
