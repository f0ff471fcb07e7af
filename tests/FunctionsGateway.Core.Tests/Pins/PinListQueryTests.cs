using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Tests.Pins;

public sealed class PinListQueryTests
{
    [Fact]
    public void Parse_NoParameters_EveryStatusTenNewest()
    {
        var query = PinListQuery.Parse(_ => null);

        Assert.Empty(query.Cids);
        Assert.Null(query.Statuses);
        Assert.Equal(10, query.Limit);
        Assert.Equal(PinNameMatch.Exact, query.Match);
        Assert.Empty(query.Meta);
    }

    [Fact]
    public void Parse_EveryFilter_Read()
    {
        var parameters = new Dictionary<string, string>
        {
            ["cid"] = "bafkqaaa,QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n",
            ["name"] = "a",
            ["match"] = "ipartial",
            ["status"] = "queued,pinned",
            ["before"] = "2020-07-27T17:32:28.5+02:00",
            ["after"] = "2020-07-27T17:32:28Z",
            ["limit"] = "1000",
            ["meta"] = """{"app_id":"x"}""",
        };

        var query = PinListQuery.Parse(parameters.GetValueOrDefault);

        Assert.Equal(2, query.Cids.Count);
        Assert.Equal(PinNameMatch.IPartial, query.Match);
        Assert.Equal([PinRequestStatus.Queued, PinRequestStatus.Pinned], query.Statuses!.Order());
        Assert.Equal(new DateTimeOffset(2020, 7, 27, 15, 32, 28, 500, TimeSpan.Zero), query.Before);
        Assert.Equal(1000, query.Limit);
        Assert.Equal("x", query.Meta["app_id"]);
    }

    [Theory]
    [InlineData("cid", "")]
    [InlineData("cid", "a,b")]
    [InlineData("cid", "bafkqaaa,,bafkqaaa")]
    [InlineData("status", "queued,unknown")]
    [InlineData("match", "EXACT")]
    [InlineData("before", "2020-07-27 17:32:28Z")]
    [InlineData("after", "1595871148")]
    [InlineData("limit", "-1")]
    [InlineData("limit", "+5")]
    [InlineData("meta", """{"a":["b"]}""")]
    [InlineData("meta", "\"text\"")]
    public void Parse_Malformed_PinRequestExceptionNamingTheParameter(string parameter, string value)
    {
        var error = Assert.Throws<PinRequestException>(() => PinListQuery.Parse(p => p == parameter ? value : null));
        Assert.StartsWith(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ElevenCids_Refused()
    {
        var cids = string.Join(',', Enumerable.Repeat("bafkqaaa", 11));
        Assert.Throws<PinRequestException>(() => PinListQuery.Parse(p => p == "cid" ? cids : null));
    }
}
