using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>The RPC client's log messages (source-generated, so that disabled levels cost nothing).</summary>
internal static partial class SubstrateRpcLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the Substrate node at {Endpoint}")]
    public static partial void Reconnecting(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing {Method} failed")]
    public static partial void UnsubscribeFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RPC connection ended")]
    public static partial void ConnectionEnded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the RPC WebSocket failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node sent a message that is not JSON")]
    public static partial void NotJson(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification for unknown subscription {Subscription}")]
    public static partial void UnknownSubscription(ILogger logger, string subscription);
}
