using System.Text.Json;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Tests.Hosting;

public sealed class QueueInvocationTests
{
    // Payload shapes as the Functions host sends them (spec/azure.md §1.5: strings are JSON-encoded once more).
    [Theory]
    [InlineData("""{"Data":{"message":"\"hello!!\""},"Metadata":{"DequeueCount":"1"}}""", "hello!!", 1)]
    [InlineData("""{"Data":{"message":"\"{\\\"owner\\\":\\\"a\\\"}\""},"Metadata":{"DequeueCount":"3"}}""", """{"owner":"a"}""", 3)]
    [InlineData("""{"Data":{"message":"plain"},"Metadata":{"DequeueCount":2}}""", "plain", 2)]
    [InlineData("""{"Data":{"message":{"owner":"a"}},"Metadata":{}}""", """{"owner":"a"}""", 1)]
    [InlineData("""{"data":{"Message":"\"x\""},"metadata":{"dequeueCount":"\"4\""}}""", "x", 4)]
    [InlineData("""{"Data":{"message":"\"unterminated"}}""", "\"unterminated", 1)]
    public void Parse_HostPayload_MessageTextAndDequeueCount(string payload, string text, long dequeueCount)
    {
        var invocation = QueueInvocation.Parse(JsonDocument.Parse(payload).RootElement, "message");

        Assert.NotNull(invocation);
        Assert.Equal(text, invocation.MessageText);
        Assert.Equal(dequeueCount, invocation.DequeueCount);
    }

    [Fact]
    public void Parse_MessageId_Unwrapped()
    {
        var invocation = QueueInvocation.Parse(JsonDocument.Parse("""{"Data":{"message":"\"m\""},"Metadata":{"Id":"\"52d5\""}}""").RootElement, "message");
        Assert.Equal("52d5", invocation!.MessageId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"Data":"x"}""")]
    [InlineData("""{"Data":{"other":"x"}}""")]
    public void Parse_NotAnInvocation_Null(string payload) =>
        Assert.Null(QueueInvocation.Parse(JsonDocument.Parse(payload).RootElement, "message"));
}
