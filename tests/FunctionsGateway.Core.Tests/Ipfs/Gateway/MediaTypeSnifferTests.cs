using System.Text;
using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Core.Tests.Ipfs.Gateway;

public sealed class MediaTypeSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "application/pdf")]
    [InlineData("\u0089PNG\r\n\u001a\n....", "image/png")]
    [InlineData("GIF89a....", "image/gif")]
    [InlineData("RIFF\0\0\0\0WEBPVP8 ", "image/webp")]
    [InlineData("\0\0\0\u0018ftypmp42", "video/mp4")]
    [InlineData("  <!DOCTYPE html><html>", "text/html; charset=utf-8")]
    [InlineData("<p>hello</p>", "text/html; charset=utf-8")]
    [InlineData("<?xml version=\"1.0\"?>", "text/xml; charset=utf-8")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml")]
    [InlineData("hello world\n", "text/plain; charset=utf-8")]
    [InlineData("", "text/plain; charset=utf-8")]
    [InlineData("\u0001\u0002binary", "application/octet-stream")]
    public void FromContent_FirstBytes_TheirType(string head, string type)
    {
        Assert.Equal(type, MediaTypeSniffer.FromContent(Encoding.Latin1.GetBytes(head)));
    }

    [Theory]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("page.HTML", "text/html")]
    [InlineData("movie.mp4", "video/mp4")]
    [InlineData("no-extension", null)]
    [InlineData("file.unknownext", null)]
    [InlineData(null, null)]
    public void FromName_Extension_KnownTypeOrNull(string? name, string? type)
    {
        Assert.Equal(type, MediaTypeSniffer.FromName(name));
    }

    [Fact]
    public void Detect_NameWinsOverContent()
    {
        Assert.Equal("text/css", MediaTypeSniffer.Detect("site.css", "%PDF-"u8));
        Assert.Equal("application/pdf", MediaTypeSniffer.Detect("file", "%PDF-"u8));
    }
}
