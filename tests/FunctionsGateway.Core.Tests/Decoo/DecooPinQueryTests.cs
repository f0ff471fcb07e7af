using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Tests.Decoo;

/// <summary>The parameters of <c>pinList</c> and <c>pinJobs</c> (spec/compat.md §3.2).</summary>
public sealed class DecooPinQueryTests
{
    [Fact]
    public void ForPinList_NoParameters_PinnedNewestFirstFiveFromZero()
    {
        var query = DecooPinQuery.ForPinList(_ => null);

        Assert.Equal([PinRequestStatus.Pinned], query.Statuses!);
        Assert.Equal((false, 0, 5, null, null), (query.Ascending, query.Offset, query.Limit, query.From, query.Until));
    }

    [Fact]
    public void ForPinList_DatesAndPaging_Parsed()
    {
        var values = new Dictionary<string, string> { ["sort"] = "asc", ["start-date"] = "2021-06-01", ["end-date"] = "2021-06-02", ["offset"] = "10", ["limit"] = "1000" };

        var query = DecooPinQuery.ForPinList(values.GetValueOrDefault);

        Assert.True(query.Ascending);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2021, 6, 3, 0, 0, 0, TimeSpan.Zero), query.Until); // Through the end-date's day.
        Assert.Equal((10, 1000), (query.Offset, query.Limit));
    }

    [Fact]
    public void ForPinJobs_HashAndStatus_Parsed()
    {
        var values = new Dictionary<string, string> { ["pin-hash"] = "QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ", ["status"] = "failed", ["sort"] = "DESC" };

        var query = DecooPinQuery.ForPinJobs(values.GetValueOrDefault);

        Assert.Equal("QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ", Assert.Single(query.Cids).ToString());
        Assert.Equal([PinRequestStatus.Failed], query.Statuses!);
        Assert.False(query.Ascending);
    }

    [Theory]
    [InlineData("sort", "up")]
    [InlineData("limit", "0")]
    [InlineData("limit", "1001")]
    [InlineData("offset", "-1")]
    [InlineData("start-date", "June")]
    [InlineData("end-date", "2021-13-01")]
    public void ForPinList_BadParameter_RefusedNamingIt(string name, string value)
    {
        var e = Assert.Throws<DecooRequestException>(() => DecooPinQuery.ForPinList(n => n == name ? value : null));

        Assert.StartsWith(name, e.Message, StringComparison.Ordinal);
        Assert.Equal(400, e.Status);
    }

    [Theory]
    [InlineData("pin-hash", "QmShort")]
    [InlineData("pin-hash", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvykuX")]
    [InlineData("status", "done")]
    public void ForPinJobs_BadParameter_RefusedNamingIt(string name, string value)
    {
        var e = Assert.Throws<DecooRequestException>(() => DecooPinQuery.ForPinJobs(n => n == name ? value : null));

        Assert.StartsWith(name, e.Message, StringComparison.Ordinal);
    }
}
