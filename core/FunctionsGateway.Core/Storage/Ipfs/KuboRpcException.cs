namespace FunctionsGateway.Core.Storage.Ipfs;

/// <summary>
/// The one failure type of the Kubo RPC boundary. A node that answers with an error sends
/// <c>{"Message","Code","Type":"error"}</c> (Kubo with HTTP 500, js-ipfs also with 400 for a malformed argument);
/// <see cref="Status"/> is that HTTP status and <see cref="NodeMessage"/> the node's message (the exception's message
/// is <c>{command}: {node message}</c>). When no answer came (connection refused or reset, timeout) <see cref="Status"/>
/// is 0 and <see cref="IsTransient"/> is true.
/// </summary>
public sealed class KuboRpcException : Exception
{
    public KuboRpcException(string command, int status, string nodeMessage, int? code = null, Exception? innerException = null)
        : base($"{command}: {nodeMessage}", innerException)
    {
        Command = command;
        Status = status;
        NodeMessage = nodeMessage;
        Code = code;
    }

    public KuboRpcException()
        : this("rpc", 0, "The IPFS node's RPC call failed.")
    {
    }

    public KuboRpcException(string message)
        : this("rpc", 0, message)
    {
    }

    public KuboRpcException(string message, Exception innerException)
        : this("rpc", 0, message, null, innerException)
    {
    }

    /// <summary>The RPC command that failed, e.g. <c>add</c>, <c>pin/rm</c>.</summary>
    public string Command { get; }

    /// <summary>The HTTP status the node (or a proxy in front of it) answered; 0 when nothing answered.</summary>
    public int Status { get; }

    /// <summary>The node's own words (its error body's <c>Message</c>), or what went wrong on the way when it did not answer.</summary>
    public string NodeMessage { get; }

    /// <summary>The error body's <c>Code</c> (Kubo's <c>cmds.ErrorType</c>: 0 normal, 1 client, 2 implementation …), when there was one.</summary>
    public int? Code { get; }

    /// <summary>
    /// True when another try may succeed: the node did not answer, or a proxy in front of it said it is unavailable
    /// (502, 503, 504) or busy (429). The node's own errors are not transient.
    /// </summary>
    public bool IsTransient => Status is 0 or 429 or 502 or 503 or 504;
}
