using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class TableBatchMultipartTests
{
    private static readonly Uri Table = new("http://127.0.0.1:10002/devstoreaccount1/mytable");

    [Fact]
    public void Write_InsertAndUpdateAndDelete_MatchesTheDocumentedShape()
    {
        var body = TableBatchMultipart.Write("batch_1", "changeset_2", Table,
        [
            new(TableBatchKind.Insert, new TableEntity("p", "1") { ["Name"] = "x" }),
            new(TableBatchKind.UpdateReplace, new TableEntity("p", "it's") { ["Name"] = "y" }, "W/\"datetime'2021'\""),
            new(TableBatchKind.Delete, new TableEntity("p", "3")),
        ]);

        Assert.Equal(
            "--batch_1\r\n" +
            "Content-Type: multipart/mixed; boundary=changeset_2\r\n\r\n" +
            "--changeset_2\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "POST http://127.0.0.1:10002/devstoreaccount1/mytable HTTP/1.1\r\n" +
            "Accept: application/json;odata=nometadata\r\n" +
            "DataServiceVersion: 3.0;NetFx\r\n" +
            "Prefer: return-no-content\r\n" +
            "Content-Type: application/json\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"1\",\"Name\":\"x\"}\r\n" +
            "--changeset_2\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "PUT http://127.0.0.1:10002/devstoreaccount1/mytable(PartitionKey='p',RowKey='it%27%27s') HTTP/1.1\r\n" +
            "Accept: application/json;odata=nometadata\r\n" +
            "DataServiceVersion: 3.0;NetFx\r\n" +
            "If-Match: W/\"datetime'2021'\"\r\n" +
            "Content-Type: application/json\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"it\\u0027s\",\"Name\":\"y\"}\r\n" +
            "--changeset_2\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "DELETE http://127.0.0.1:10002/devstoreaccount1/mytable(PartitionKey='p',RowKey='3') HTTP/1.1\r\n" +
            "Accept: application/json;odata=nometadata\r\n" +
            "DataServiceVersion: 3.0;NetFx\r\n" +
            "If-Match: *\r\n\r\n" +
            "--changeset_2--\r\n" +
            "--batch_1--\r\n",
            body);
    }

    [Theory]
    [InlineData(TableBatchKind.UpsertMerge, "MERGE", false)]
    [InlineData(TableBatchKind.UpsertReplace, "PUT", false)]
    [InlineData(TableBatchKind.UpdateMerge, "MERGE", true)]
    public void Write_OtherKinds_UseTheirVerbAndIfMatchOnlyForUpdates(TableBatchKind kind, string verb, bool ifMatch)
    {
        var body = TableBatchMultipart.Write("b", "c", Table, [new(kind, new TableEntity("p", "r"))]);

        Assert.Contains($"{verb} http://127.0.0.1:10002/devstoreaccount1/mytable(PartitionKey='p',RowKey='r') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Equal(ifMatch, body.Contains("If-Match: *", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseResponses_SuccessfulChangeset_ReturnsEachStatusAndETag()
    {
        // The shape of https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions#sample-response
        const string body =
            "--batchresponse_7ab1\r\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_3ca7\r\n\r\n" +
            "--changesetresponse_3ca7\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\n" +
            "X-Content-Type-Options: nosniff\r\n" +
            "Cache-Control: no-cache\r\n" +
            "DataServiceVersion: 1.0;\r\n" +
            "ETag: W/\"datetime'2009-04-30T20%3A45%3A13.7155962Z'\"\r\n\r\n\r\n" +
            "--changesetresponse_3ca7\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\n" +
            "Cache-Control: no-cache\r\n\r\n\r\n" +
            "--changesetresponse_3ca7--\r\n" +
            "--batchresponse_7ab1--\r\n";

        var parts = TableBatchMultipart.ParseResponses("multipart/mixed; boundary=batchresponse_7ab1", body);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(204, p.Status));
        Assert.Equal("W/\"datetime'2009-04-30T20%3A45%3A13.7155962Z'\"", parts[0].ETag);
        Assert.Null(parts[1].ETag);
    }

    [Fact]
    public void ParseResponses_FailedChangesetWithLfOnlyLines_ReturnsTheErrorPartAndItsBody()
    {
        const string body =
            "--batchresponse_1\n" +
            "Content-Type: multipart/mixed; boundary=\"changesetresponse_2\"\n\n" +
            "--changesetresponse_2\n" +
            "Content-Type: application/http\n" +
            "Content-Transfer-Encoding: binary\n\n" +
            "HTTP/1.1 409 Conflict\n" +
            "Content-Type: application/json;odata=nometadata;streaming=true;charset=utf-8\n\n" +
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\"}}}\n" +
            "--changesetresponse_2--\n" +
            "--batchresponse_1--\n";

        var part = Assert.Single(TableBatchMultipart.ParseResponses("multipart/mixed; boundary=batchresponse_1", body));

        Assert.Equal(409, part.Status);
        Assert.Equal(("EntityAlreadyExists", "1:The specified entity already exists."), StorageErrorBody.Parse(part.Body));
    }

    [Theory]
    [InlineData("application/json", "--x\r\n")]
    [InlineData("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nnot a status line\r\n--b--\r\n")]
    public void ParseResponses_Malformed_ThrowsFormatException(string contentType, string body)
    {
        Assert.Throws<FormatException>(() => TableBatchMultipart.ParseResponses(contentType, body));
    }
}
