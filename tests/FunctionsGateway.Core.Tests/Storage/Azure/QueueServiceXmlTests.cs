using System.Text;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class QueueServiceXmlTests
{
    [Fact]
    public void WriteMessage_Text_IsBase64OfUtf8()
    {
        var xml = Encoding.UTF8.GetString(QueueServiceXml.WriteMessage("hé"));

        Assert.Equal("<QueueMessage><MessageText>aMOp</MessageText></QueueMessage>", xml);
    }

    [Fact]
    public void ParseMessages_DocumentedShape_DecodesTextAndFields()
    {
        // The shape of https://learn.microsoft.com/rest/api/storageservices/get-messages#response-body
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <QueueMessagesList>
              <QueueMessage>
                <MessageId>5974b586-0df3-4e2d-ad0c-18e3892bfca2</MessageId>
                <InsertionTime>Fri, 09 Oct 2009 21:04:30 GMT</InsertionTime>
                <ExpirationTime>Fri, 16 Oct 2009 21:04:30 GMT</ExpirationTime>
                <PopReceipt>YzQ4Yzg1MDItYTc0Ny00OWNjLTkxYTUtZGM0MDFiZDAwYzEw</PopReceipt>
                <TimeNextVisible>Fri, 09 Oct 2009 23:29:20 GMT</TimeNextVisible>
                <DequeueCount>2</DequeueCount>
                <MessageText>aMOp</MessageText>
              </QueueMessage>
            </QueueMessagesList>
            """;

        var message = Assert.Single(QueueServiceXml.ParseMessages(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(
            new QueueMessage(
                "5974b586-0df3-4e2d-ad0c-18e3892bfca2",
                "YzQ4Yzg1MDItYTc0Ny00OWNjLTkxYTUtZGM0MDFiZDAwYzEw",
                2,
                "hé",
                new DateTimeOffset(2009, 10, 9, 21, 4, 30, TimeSpan.Zero)),
            message);
    }

    [Fact]
    public void ParseReceipt_PutMessageAnswer_ReturnsIdAndPopReceipt()
    {
        const string xml = "<QueueMessagesList><QueueMessage><MessageId>id-1</MessageId><PopReceipt>pr</PopReceipt></QueueMessage></QueueMessagesList>";

        Assert.Equal(new QueueMessageReceipt("id-1", "pr"), QueueServiceXml.ParseReceipt(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
    }

    [Theory]
    [InlineData("aMOp", "hé")]
    [InlineData("", "")]
    [InlineData("not base64!", "not base64!")]
    public void DecodeText_Base64OrNot_ReturnsTheText(string messageText, string expected)
    {
        Assert.Equal(expected, QueueServiceXml.DecodeText(messageText));
    }
}
