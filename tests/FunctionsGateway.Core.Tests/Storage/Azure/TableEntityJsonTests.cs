using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Write_EveryType_AnnotatesWhatJsonCannotCarry()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "text",
            ["I"] = 7,
            ["L"] = 9007199254740993L,
            ["D"] = 1.0,
            ["B"] = false,
            ["T"] = new DateTimeOffset(2021, 4, 15, 23, 9, 46, TimeSpan.FromHours(2)).AddTicks(5446473),
            ["G"] = new Guid("c9da6455-213d-42c9-9a79-3e9149a57833"),
            ["X"] = new byte[] { 1, 2, 3 },
            ["N"] = null,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Write(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"text\",\"I\":7," +
            "\"L\":\"9007199254740993\",\"L@odata.type\":\"Edm.Int64\"," +
            "\"D\":1,\"D@odata.type\":\"Edm.Double\",\"B\":false," +
            "\"T\":\"2021-04-15T21:09:46.5446473Z\",\"T@odata.type\":\"Edm.DateTime\"," +
            "\"G\":\"c9da6455-213d-42c9-9a79-3e9149a57833\",\"G@odata.type\":\"Edm.Guid\"," +
            "\"X\":\"AQID\",\"X@odata.type\":\"Edm.Binary\"}",
            json);
    }

    [Fact]
    public void Write_UnspecifiedAndLocalDateTime_AreWrittenAsUtc()
    {
        var entity = new TableEntity("p", "r")
        {
            ["U"] = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            ["Z"] = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Write(entity));

        Assert.Contains("\"U\":\"2020-01-02T03:04:05.0000000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Z\":\"2020-01-02T03:04:05.0000000Z\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    [InlineData("A@odata.type")]
    public void Write_ReservedPropertyName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => TableEntityJson.Write(new TableEntity("p", "r") { [name] = "x" }));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Write_NonFiniteDouble_Throws(double value)
    {
        Assert.Throws<ArgumentException>(() => TableEntityJson.Write(new TableEntity("p", "r") { ["D"] = value }));
    }

    [Fact]
    public void Write_UnsupportedType_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => TableEntityJson.Write(new TableEntity("p", "r") { ["Price"] = 1.5m }));

        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MinimalMetadataEntity_TypesFromAnnotationsAndInference()
    {
        // The shape of a minimal-metadata entity, as in
        // https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations#json-format-applicationjson-versions-2013-08-15-and-later
        const string json = """
            {
              "odata.metadata":"https://myaccount.table.core.windows.net/$metadata#Customers/@Element",
              "odata.etag":"W/\"datetime'2013-08-22T00%3A20%3A16.3134645Z'\"",
              "PartitionKey":"Customer03","RowKey":"Name",
              "Timestamp@odata.type":"Edm.DateTime","Timestamp":"2013-08-22T00:20:16.3134645Z",
              "CustomerSince@odata.type":"Edm.DateTime","CustomerSince":"2008-10-01T15:25:05.2852025Z",
              "CustomerCode@odata.type":"Edm.Guid","CustomerCode":"c9da6455-213d-42c9-9a79-3e9149a57833",
              "Big@odata.type":"Edm.Int64","Big":"255",
              "Raw@odata.type":"Edm.Binary","Raw":"AQID",
              "Age":23,"AmountDue":200.23,"Whole":1.0,"Exp":1e300,"IsActive":true,"Name":"Ann",
              "NumberOfOrders@odata.type":"Edm.Double","NumberOfOrders":"NaN",
              "Missing":null
            }
            """;

        using var document = JsonDocument.Parse(json);
        var entity = TableEntityJson.Read(document.RootElement);

        Assert.Equal("Customer03", entity.PartitionKey);
        Assert.Equal("Name", entity.RowKey);
        Assert.Equal("W/\"datetime'2013-08-22T00%3A20%3A16.3134645Z'\"", entity.ETag);
        Assert.Equal(new DateTimeOffset(2013, 8, 22, 0, 20, 16, TimeSpan.Zero).AddTicks(3134645), entity.Timestamp);
        Assert.Equal(new DateTimeOffset(2008, 10, 1, 15, 25, 5, TimeSpan.Zero).AddTicks(2852025), entity["CustomerSince"]);
        Assert.Equal(new Guid("c9da6455-213d-42c9-9a79-3e9149a57833"), entity["CustomerCode"]);
        Assert.Equal(255L, entity["Big"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, entity["Raw"]);
        Assert.Equal(23, entity["Age"]);
        Assert.Equal(200.23, entity["AmountDue"]);
        Assert.Equal(1.0, Assert.IsType<double>(entity["Whole"]));
        Assert.Equal(1e300, entity["Exp"]);
        Assert.Equal(true, entity["IsActive"]);
        Assert.Equal("Ann", entity["Name"]);
        Assert.True(double.IsNaN(Assert.IsType<double>(entity["NumberOfOrders"])));
        Assert.Null(entity["Missing"]);
        Assert.DoesNotContain(entity.Properties.Keys, k => k.Contains('@', StringComparison.Ordinal) || k.StartsWith("odata", StringComparison.Ordinal) || k == "Timestamp");
    }

    [Fact]
    public void WriteThenRead_EveryType_RoundTrips()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "s",
            ["I"] = int.MinValue,
            ["L"] = long.MinValue,
            ["D"] = -0.5,
            ["B"] = true,
            ["T"] = DateTimeOffset.UnixEpoch,
            ["G"] = Guid.Empty,
            ["X"] = Array.Empty<byte>(),
        };

        using var document = JsonDocument.Parse(TableEntityJson.Write(entity));
        var read = TableEntityJson.Read(document.RootElement);

        Assert.Equal(entity.Properties.OrderBy(p => p.Key), read.Properties.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("{\"RowKey\":\"r\"}")]
    [InlineData("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"A@odata.type\":\"Edm.Decimal\",\"A\":\"1\"}")]
    [InlineData("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"A@odata.type\":\"Edm.Int32\",\"A\":\"x\"}")]
    [InlineData("[]")]
    public void Read_Malformed_ThrowsFormatException(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<FormatException>(() => TableEntityJson.Read(document.RootElement));
    }
}
