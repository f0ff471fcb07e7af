namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>
/// The one failure type of the Substrate chain boundary (<see cref="SubstrateRpcClient"/> and the clients
/// built on it). <see cref="Kind"/> says what failed; for node errors <see cref="RpcErrorCode"/> and
/// <see cref="RpcErrorData"/> carry the JSON-RPC error. A dispatch error of an included transaction is no
/// exception: it is an outcome.
/// </summary>
public sealed class SubstrateRpcException : Exception
{
    public SubstrateRpcException(SubstrateRpcErrorKind kind, string message, Exception? innerException = null, int? rpcErrorCode = null, string? rpcErrorData = null)
        : base(message, innerException)
    {
        Kind = kind;
        RpcErrorCode = rpcErrorCode;
        RpcErrorData = rpcErrorData;
    }

    public SubstrateRpcException()
        : this(SubstrateRpcErrorKind.Transport, "Substrate RPC request failed.")
    {
    }

    public SubstrateRpcException(string message)
        : this(SubstrateRpcErrorKind.Transport, message)
    {
    }

    public SubstrateRpcException(string message, Exception innerException)
        : this(SubstrateRpcErrorKind.Transport, message, innerException)
    {
    }

    public SubstrateRpcErrorKind Kind { get; }

    /// <summary>The JSON-RPC error code when <see cref="Kind"/> is <see cref="SubstrateRpcErrorKind.RpcError"/>.</summary>
    public int? RpcErrorCode { get; }

    /// <summary>The JSON-RPC error's <c>data</c>, as text (e.g. "Transaction has a bad signature").</summary>
    public string? RpcErrorData { get; }

    /// <summary>True when trying again later may help: transport failures and timeouts.</summary>
    public bool IsTransient => Kind is SubstrateRpcErrorKind.Transport or SubstrateRpcErrorKind.Timeout;
}
