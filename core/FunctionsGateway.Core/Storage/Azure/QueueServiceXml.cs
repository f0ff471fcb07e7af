using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The XML bodies of the Queue operations used here: Put Message's request
/// (https://learn.microsoft.com/rest/api/storageservices/put-message#request-body) and the
/// <c>QueueMessagesList</c> that Put, Get and Peek Messages return
/// (https://learn.microsoft.com/rest/api/storageservices/get-messages#response-body).
/// Text travels as base64 of its UTF-8 bytes, the Functions queue trigger's default encoding. Pure.
/// </summary>
internal static class QueueServiceXml
{
    /// <summary><c>&lt;QueueMessage&gt;&lt;MessageText&gt;base64&lt;/MessageText&gt;&lt;/QueueMessage&gt;</c> as UTF-8.</summary>
    public static byte[] WriteMessage(string text)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var element = new XElement("QueueMessage", new XElement("MessageText", encoded));
        return Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>The messages of a <c>QueueMessagesList</c>; text decoded from base64 (a message some other
    /// producer put as plain text comes back as it is).</summary>
    public static IReadOnlyList<QueueMessage> ParseMessages(Stream body)
    {
        var root = XDocument.Load(body).Root;
        var messages = new List<QueueMessage>();
        foreach (var message in root?.Elements("QueueMessage") ?? [])
        {
            messages.Add(new QueueMessage(
                Required(message, "MessageId"),
                message.Element("PopReceipt")?.Value,
                long.TryParse(message.Element("DequeueCount")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
                DecodeText(message.Element("MessageText")?.Value ?? string.Empty),
                StorageHttpDate.Parse(message.Element("InsertionTime")?.Value)));
        }

        return messages;
    }

    /// <summary>The id and pop receipt of the one message Put Message returns.</summary>
    public static QueueMessageReceipt ParseReceipt(Stream body)
    {
        var message = XDocument.Load(body).Root?.Element("QueueMessage")
                      ?? throw new FormatException("Put Message returned no QueueMessage.");
        return new QueueMessageReceipt(Required(message, "MessageId"), Required(message, "PopReceipt"));
    }

    /// <summary>UTF-8 text from base64; text that is not base64 is returned unchanged.</summary>
    public static string DecodeText(string messageText)
    {
        var bytes = new byte[messageText.Length];
        return Convert.TryFromBase64String(messageText, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : messageText;
    }

    private static string Required(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The queue message has no {name}.");
}
