namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// A Kubo RPC request that cannot be carried out because of what the client sent or asked for: a bad argument,
/// a malformed body, content that is not here. <see cref="Status"/> is the HTTP status the surface answers
/// (400 or 404); the message is the one the client sees, in Kubo's words where Kubo has them.
/// </summary>
public sealed class RpcRequestException : Exception
{
    public RpcRequestException()
        : this("The request is invalid.")
    {
    }

    public RpcRequestException(string message)
        : this(message, 400)
    {
    }

    public RpcRequestException(string message, Exception innerException)
        : base(message, innerException) => Status = 400;

    public RpcRequestException(string message, int status)
        : base(message) => Status = status;

    /// <summary>400 for a bad request, 404 for content that is not here.</summary>
    public int Status { get; }

    /// <summary>Content the request names is not available (404).</summary>
    public static RpcRequestException NotFound(string message) => new(message, 404);
}
