namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The Queue service operations the gateway uses, over the REST API
/// (https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api).
/// Message text is sent base64-encoded (UTF-8), which is what the Functions queue trigger expects
/// with its default <c>messageEncoding: base64</c>; received text is decoded the same way.
/// </summary>
public interface IQueueStorage
{
    /// <summary>Creates the queue; an existing queue is not an error.</summary>
    Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Put Message. <paramref name="visibilityDelay"/> hides it for a while; <paramref name="timeToLive"/> null keeps the service default (7 days).</summary>
    Task<QueueMessageReceipt> SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>Get Messages: up to <paramref name="maxMessages"/> (1–32), each hidden for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Delete Message with its pop receipt. Returns false when it was already gone.</summary>
    Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default);

    /// <summary>Update Message's visibility timeout (used for backoff); returns the new pop receipt.</summary>
    Task<string> UpdateVisibilityAsync(string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Peek Messages: up to 32 visible messages without changing them (for operators and tests).</summary>
    Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int maxMessages, CancellationToken cancellationToken = default);

    /// <summary>Get Queue Metadata's <c>x-ms-approximate-messages-count</c>: the queue's depth, hidden messages included.</summary>
    Task<long> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>A cheap request that proves the service answers (used by /health).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>What Put Message returns.</summary>
public sealed record QueueMessageReceipt(string MessageId, string PopReceipt);

/// <summary>A received message. <see cref="PopReceipt"/> is null for peeked messages.</summary>
public sealed record QueueMessage(string MessageId, string? PopReceipt, long DequeueCount, string Text, DateTimeOffset? InsertedOn);
