using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class StorageErrorBodyTests
{
    [Fact]
    public void Parse_BlobXmlError_ReturnsCodeAndMessage()
    {
        const string body = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:1\nTime:2025-03-07T10:11:12Z</Message></Error>";

        var (code, message) = StorageErrorBody.Parse(body);

        Assert.Equal("BlobNotFound", code);
        Assert.StartsWith("The specified blob does not exist.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableJsonError_ReturnsCodeAndMessageValue()
    {
        const string body = "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified entity already exists.\"}}}";

        Assert.Equal(("EntityAlreadyExists", "The specified entity already exists."), StorageErrorBody.Parse(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Bad gateway</body>")]
    [InlineData("{not json")]
    [InlineData("{\"error\":\"other shape\"}")]
    [InlineData("plain text")]
    public void Parse_SomethingElse_ReturnsNulls(string body)
    {
        Assert.Equal((null, null), StorageErrorBody.Parse(body));
    }
}
