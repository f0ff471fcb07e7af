namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>
/// The one failure type of the Ethereum JSON-RPC boundary: a JSON-RPC error object (<see cref="Code"/>,
/// the node's message, and revert data with its decoded <c>Error(string)</c> reason when a call reverted),
/// or no usable answer at all (<see cref="IsTransportFailure"/>: connection failure, timeout, HTTP error).
/// </summary>
public sealed class EthereumRpcException : Exception
{
    public EthereumRpcException(string method, int? code, string message, byte[]? revertData = null, int? httpStatus = null, Exception? innerException = null)
        : base($"{method}: {message}", innerException)
    {
        Method = method;
        Code = code;
        NodeMessage = message;
        HttpStatus = httpStatus;
        RevertData = revertData;
        RevertReason = revertData is not null && Ethereum.RevertReason.TryDecode(revertData, out var reason) ? reason : null;
    }

    public EthereumRpcException()
        : this("?", null, "Ethereum JSON-RPC request failed.")
    {
    }

    public EthereumRpcException(string message)
        : this("?", null, message)
    {
    }

    public EthereumRpcException(string message, Exception innerException)
        : this("?", null, message, innerException: innerException)
    {
    }

    /// <summary>The JSON-RPC method.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (e.g. -32000, 3 for a revert on geth); null when no error object came back.</summary>
    public int? Code { get; }

    /// <summary>The node's error message, or what went wrong on the way.</summary>
    public string NodeMessage { get; }

    /// <summary>The HTTP status when the node answered with a non-success status.</summary>
    public int? HttpStatus { get; }

    /// <summary>The revert data of a reverted call, when the node sent it.</summary>
    public IReadOnlyList<byte>? RevertData { get; }

    /// <summary>The decoded <c>Error(string)</c>/<c>Panic(uint256)</c> reason of <see cref="RevertData"/>.</summary>
    public string? RevertReason { get; }

    /// <summary>True when the node gave no JSON-RPC answer (unreachable, timed out, HTTP failure).</summary>
    public bool IsTransportFailure => Code is null;
}
