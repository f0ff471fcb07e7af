using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class StorageHttpDateTests
{
    [Fact]
    public void Parse_Rfc1123_ReturnsUtc()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 10, 11, 12, TimeSpan.Zero), StorageHttpDate.Parse("Fri, 07 Mar 2025 10:11:12 GMT"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-03-07T10:11:12Z")]
    public void Parse_AbsentOrOtherFormat_ReturnsNull(string? value)
    {
        Assert.Null(StorageHttpDate.Parse(value));
    }
}
