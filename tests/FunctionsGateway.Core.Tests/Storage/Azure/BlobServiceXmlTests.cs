using System.Text;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class BlobServiceXmlTests
{
    [Fact]
    public void WriteBlockList_Ids_AreLatestEntriesInOrder()
    {
        var xml = Encoding.UTF8.GetString(BlobServiceXml.WriteBlockList(["AAA=", "AQE=", "+/8="]));

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>AAA=</Latest><Latest>AQE=</Latest><Latest>+/8=</Latest></BlockList>",
            xml);
    }

    [Fact]
    public void ParseListing_DocumentedShape_ReturnsBlobsAndNextMarker()
    {
        // Trimmed from https://learn.microsoft.com/rest/api/storageservices/list-blobs#response-body
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <EnumerationResults ServiceEndpoint="http://myaccount.blob.core.windows.net/" ContainerName="mycontainer">
              <Prefix>in/</Prefix>
              <MaxResults>2</MaxResults>
              <Blobs>
                <Blob>
                  <Name>in/a &amp; b.txt</Name>
                  <Properties>
                    <Last-Modified>Fri, 07 Mar 2025 10:11:12 GMT</Last-Modified>
                    <Etag>0x8CBFF45D8A29A19</Etag>
                    <Content-Length>1234</Content-Length>
                    <Content-Type>text/plain</Content-Type>
                    <BlobType>BlockBlob</BlobType>
                  </Properties>
                </Blob>
                <Blob>
                  <Name>in/empty</Name>
                  <Properties>
                    <Content-Length>0</Content-Length>
                    <Content-Type />
                  </Properties>
                </Blob>
              </Blobs>
              <NextMarker>2!80!MDAwMDE</NextMarker>
            </EnumerationResults>
            """;

        var (items, next) = BlobServiceXml.ParseListing(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(
            [
                new BlobItem("in/a & b.txt", 1234, "text/plain", new DateTimeOffset(2025, 3, 7, 10, 11, 12, TimeSpan.Zero)),
                new BlobItem("in/empty", 0, null, null),
            ],
            items);
        Assert.Equal("2!80!MDAwMDE", next);
    }

    [Fact]
    public void ParseListing_LastPage_HasNoNextMarker()
    {
        const string xml = "<EnumerationResults><Blobs /><NextMarker /></EnumerationResults>";

        var (items, next) = BlobServiceXml.ParseListing(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Empty(items);
        Assert.Null(next);
    }
}
