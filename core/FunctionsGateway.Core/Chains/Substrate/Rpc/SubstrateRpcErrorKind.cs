namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>Why a call to the chain failed.</summary>
public enum SubstrateRpcErrorKind
{
    /// <summary>No connection, or it dropped before the answer came.</summary>
    Transport,

    /// <summary>The answer did not come within the request timeout.</summary>
    Timeout,

    /// <summary>The node answered with a JSON-RPC error (see <see cref="SubstrateRpcException.RpcErrorCode"/>); e.g. 1010 for an invalid transaction.</summary>
    RpcError,

    /// <summary>The answer or the chain data could not be understood.</summary>
    Protocol,

    /// <summary>The runtime's metadata does not match what this client was written for (pallet or call indices, hashers, extensions).</summary>
    RuntimeMismatch,

    /// <summary>A submitted transaction was dropped, found invalid or usurped by the pool.</summary>
    TransactionRejected,
}
