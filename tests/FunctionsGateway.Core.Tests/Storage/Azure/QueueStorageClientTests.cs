using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class QueueStorageClientTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    private readonly QueueStorageClient _client = new(AzuriteStorage.Settings(azurite), AzuriteStorage.NoRetries);

    [Fact]
    public async Task CreateQueueIfNotExistsAsync_Twice_DoesNotThrow()
    {
        var queue = AzuriteFixture.UniqueName();

        await _client.CreateQueueIfNotExistsAsync(queue);
        await _client.CreateQueueIfNotExistsAsync(queue);

        Assert.Empty(await _client.PeekAsync(queue, 1));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("ünïcødé € 日本語 🙂 <xml> & \"quotes\"")]
    [InlineData("")]
    public async Task SendAsync_ThenReceiveAsync_ReturnsTheTextWithItsIdAndReceipt(string text)
    {
        var queue = await NewQueueAsync();

        var receipt = await _client.SendAsync(queue, text);
        var message = Assert.Single(await _client.ReceiveAsync(queue, 32, Hidden));

        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal(text, message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.False(string.IsNullOrEmpty(message.PopReceipt));
        Assert.NotNull(message.InsertedOn);
        Assert.InRange(message.InsertedOn.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task ReceiveAsync_WhileHidden_ReturnsNothing()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "once");

        Assert.Single(await _client.ReceiveAsync(queue, 1, Hidden));
        Assert.Empty(await _client.ReceiveAsync(queue, 1, Hidden));
    }

    [Fact]
    public async Task ReceiveAsync_AfterTheVisibilityTimeout_ReturnsItAgainWithAHigherDequeueCount()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "retry me");
        var first = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)));

        var second = await ReceiveWithinAsync(queue, TimeSpan.FromSeconds(5));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task ReceiveAsync_SeveralMessages_ReturnsUpToTheMaximum()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await _client.SendAsync(queue, $"m{i}");
        }

        var batch = await _client.ReceiveAsync(queue, 3, Hidden);
        var rest = await _client.ReceiveAsync(queue, 32, Hidden);

        Assert.Equal(3, batch.Count);
        Assert.Equal(2, rest.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m{i}"), batch.Concat(rest).Select(m => m.Text).Order());
    }

    [Fact]
    public async Task SendAsync_VisibilityDelay_HidesTheMessageUntilThen()
    {
        var queue = await NewQueueAsync();

        await _client.SendAsync(queue, "later", visibilityDelay: TimeSpan.FromSeconds(1), timeToLive: TimeSpan.FromMinutes(1));

        Assert.Empty(await _client.PeekAsync(queue, 1));
        Assert.Equal("later", (await ReceiveWithinAsync(queue, TimeSpan.FromSeconds(5))).Text);
    }

    [Fact]
    public async Task SendAsync_InfiniteTimeToLive_IsAccepted()
    {
        var queue = await NewQueueAsync();

        await _client.SendAsync(queue, "forever", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.Equal("forever", Assert.Single(await _client.PeekAsync(queue, 1)).Text);
    }

    [Fact]
    public async Task GetApproximateMessageCountAsync_VisibleAndHiddenMessages_CountsBoth()
    {
        var queue = AzuriteFixture.UniqueName("q");
        await _client.CreateQueueIfNotExistsAsync(queue);
        await _client.SendAsync(queue, "one");
        await _client.SendAsync(queue, "two", visibilityDelay: Hidden);

        Assert.Equal(2, await _client.GetApproximateMessageCountAsync(queue));
    }

    [Fact]
    public async Task DeleteAsync_WithTheReceipt_TrueThenFalse()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "bye");
        var message = Assert.Single(await _client.ReceiveAsync(queue, 1, Hidden));

        Assert.True(await _client.DeleteAsync(queue, message.MessageId, message.PopReceipt!));
        Assert.False(await _client.DeleteAsync(queue, message.MessageId, message.PopReceipt!));
        Assert.Empty(await _client.PeekAsync(queue, 32));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_Zero_MakesItVisibleAndTheNewReceiptDeletesIt()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "back off");
        var message = Assert.Single(await _client.ReceiveAsync(queue, 1, Hidden));

        var receipt = await _client.UpdateVisibilityAsync(queue, message.MessageId, message.PopReceipt!, TimeSpan.Zero);

        Assert.NotEqual(message.PopReceipt, receipt);
        Assert.Equal(message.MessageId, Assert.Single(await _client.PeekAsync(queue, 1)).MessageId);
        Assert.True(await _client.DeleteAsync(queue, message.MessageId, receipt));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_Longer_KeepsItHidden()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "later");
        var message = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)));

        await _client.UpdateVisibilityAsync(queue, message.MessageId, message.PopReceipt!, Hidden);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(await _client.PeekAsync(queue, 1));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_StaleReceipt_ThrowsAzureStorageException()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "m");
        var message = Assert.Single(await _client.ReceiveAsync(queue, 1, Hidden));
        await _client.UpdateVisibilityAsync(queue, message.MessageId, message.PopReceipt!, Hidden);

        var error = await Assert.ThrowsAsync<AzureStorageException>(
            () => _client.UpdateVisibilityAsync(queue, message.MessageId, message.PopReceipt!, TimeSpan.Zero));

        Assert.InRange(error.Status, 400, 404);
    }

    [Fact]
    public async Task PeekAsync_VisibleMessages_ReturnsThemWithoutHidingThem()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "a");
        await _client.SendAsync(queue, "b");

        var peeked = await _client.PeekAsync(queue, 32);
        var received = await _client.ReceiveAsync(queue, 32, Hidden);

        Assert.Equal(["a", "b"], peeked.Select(m => m.Text));
        Assert.All(peeked, m => Assert.Null(m.PopReceipt));
        Assert.All(peeked, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task ReceiveAsync_MissingQueue_Throws404()
    {
        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.ReceiveAsync(AzuriteFixture.UniqueName(), 1, Hidden));

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveAsync_MaxMessagesOutOfRange_Throws(int maxMessages)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReceiveAsync("q", maxMessages, Hidden));
    }

    [Fact]
    public async Task PingAsync_Azurite_Succeeds()
    {
        await _client.PingAsync();
    }

    [Fact]
    public async Task PingAsync_WrongAccountKey_Throws403AuthenticationFailed()
    {
        var client = new QueueStorageClient(AzuriteStorage.SettingsWithWrongKey(azurite), AzuriteStorage.NoRetries);

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => client.PingAsync());

        // Azure says AuthenticationFailed for a bad signature; Azurite's queue service does too (its blob and
        // table services say AuthorizationFailure).
        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
    }

    private async Task<string> NewQueueAsync()
    {
        var queue = AzuriteFixture.UniqueName();
        await _client.CreateQueueIfNotExistsAsync(queue);
        return queue;
    }

    private async Task<QueueMessage> ReceiveWithinAsync(string queue, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if ((await _client.ReceiveAsync(queue, 1, Hidden)) is [var message])
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message became visible on {queue} within {limit}.");
    }
}
