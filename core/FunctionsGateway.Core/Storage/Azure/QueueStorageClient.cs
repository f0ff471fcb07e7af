using System.Globalization;
using Azure.Core;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// <see cref="IQueueStorage"/> over the Queue service REST API
/// (https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api) on an Azure.Core pipeline:
/// Shared Key or Entra ID authorization, retries per <see cref="AzureStorageOptions"/>. An immutable singleton.
/// </summary>
public sealed class QueueStorageClient : IQueueStorage
{
    /// <summary>The REST version sent as <c>x-ms-version</c>.</summary>
    public const string ApiVersion = "2025-01-05";

    /// <summary>The most messages one Get or Peek Messages returns.</summary>
    public const int MaxMessagesPerRequest = 32;

    private readonly StorageRestPipeline _pipeline;

    /// <summary>A client for the Queue endpoint of <paramref name="settings"/>.</summary>
    public QueueStorageClient(StorageConnectionSettings settings, AzureStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = StorageRestPipeline.Create(StorageService.Queue, settings, options, timeProvider ?? TimeProvider.System, ApiVersion);
    }

    /// <inheritdoc />
    /// <remarks>201 creates it, 204 means it exists with the same metadata, 409 <c>QueueAlreadyExists</c> that it
    /// exists with other metadata: all three leave a queue there.</remarks>
    public async Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, QueuePath(queue));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageResponseHeaders.ErrorCode(response) == "QueueAlreadyExists")
        {
            return;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<QueueMessageReceipt> SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = "?visibilitytimeout=" + Seconds(visibilityDelay ?? TimeSpan.Zero);
        if (timeToLive is { } ttl)
        {
            query += "&messagettl=" + (ttl == Timeout.InfiniteTimeSpan || ttl == TimeSpan.MaxValue ? "-1" : Seconds(ttl));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Post, MessagesPath(queue) + query);
        message.Request.Headers.Add("Content-Type", "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(QueueServiceXml.WriteMessage(text));
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
        return StorageRestPipeline.ParseBody(message, QueueServiceXml.ParseReceipt);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerRequest);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.FromSeconds(1));
        var query = "?numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture) + "&visibilitytimeout=" + Seconds(visibilityTimeout);
        return await GetMessagesAsync(queue, query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessagePath(queue, messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<string> UpdateVisibilityAsync(string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Put,
            MessagePath(queue, messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt) + "&visibilitytimeout=" + Seconds(visibilityTimeout));
        var response = await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
        return StorageResponseHeaders.Value(response, "x-ms-popreceipt")
            ?? throw new AzureStorageException(response.Status, null, $"Update Message on queue {queue} answered without x-ms-popreceipt.");
    }

    /// <inheritdoc />
    public async Task<long> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, QueuePath(queue) + "?comp=metadata");
        var response = await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
        var count = StorageResponseHeaders.Value(response, "x-ms-approximate-messages-count");
        return long.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var depth)
            ? depth
            : throw new AzureStorageException(response.Status, null, $"Get Queue Metadata of {queue} answered without x-ms-approximate-messages-count.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int maxMessages, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerRequest);
        return await GetMessagesAsync(queue, "?peekonly=true&numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>List Queues with one result.</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "?comp=list&maxresults=1");
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
    }

    private async Task<IReadOnlyList<QueueMessage>> GetMessagesAsync(string queue, string query, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesPath(queue) + query);
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
        return StorageRestPipeline.ParseBody(message, QueueServiceXml.ParseMessages);
    }

    // Whole seconds, rounded up so that a short delay is never dropped to zero.
    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string QueuePath(string queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        return "/" + Uri.EscapeDataString(queue);
    }

    private static string MessagesPath(string queue) => QueuePath(queue) + "/messages";

    private static string MessagePath(string queue, string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return MessagesPath(queue) + "/" + Uri.EscapeDataString(messageId);
    }
}
