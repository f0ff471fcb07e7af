using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class TableResourcePathTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("it's", "it%27%27s")]
    [InlineData("a b+c&d=e", "a%20b%2Bc%26d%3De")]
    [InlineData("ü€", "%C3%BC%E2%82%AC")]
    [InlineData("", "")]
    public void EscapeKey_Key_DoublesQuotesThenPercentEncodes(string key, string expected)
    {
        Assert.Equal(expected, TableResourcePath.EscapeKey(key));
    }

    [Fact]
    public void Entity_Keys_NamesTheEntityBelowTheTable()
    {
        Assert.Equal("/people(PartitionKey='it%27%27s',RowKey='%C3%BC%20x')", TableResourcePath.Entity("people", "it's", "ü x"));
    }

    [Fact]
    public void TableAndQuery_Name_AreItsPaths()
    {
        Assert.Equal("/people", TableResourcePath.Table("people"));
        Assert.Equal("/people()", TableResourcePath.Query("people"));
        Assert.Throws<ArgumentException>(() => TableResourcePath.Table(""));
    }
}
