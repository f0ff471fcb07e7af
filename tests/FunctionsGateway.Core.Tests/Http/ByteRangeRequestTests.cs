using FunctionsGateway.Core.Http;

namespace FunctionsGateway.Core.Tests.Http;

public sealed class ByteRangeRequestTests
{
    // Cases from RFC 9110 §14.1.2 (byte-range specs and suffix ranges) on a 10000-byte representation.
    [Theory]
    [InlineData("bytes=0-499", 0, 500)]
    [InlineData("bytes=500-999", 500, 500)]
    [InlineData("bytes=-500", 9500, 500)]
    [InlineData("bytes=9500-", 9500, 500)]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=-1", 9999, 1)]
    [InlineData("bytes=9000-20000", 9000, 1000)]
    [InlineData("bytes=-20000", 0, 10000)]
    public void Parse_SingleRange_Satisfiable(string header, long offset, long length)
    {
        var range = ByteRangeRequest.Parse(header, 10000);
        Assert.Equal(ByteRangeKind.Satisfiable, range.Kind);
        Assert.Equal(offset, range.Offset);
        Assert.Equal(length, range.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-1")]
    [InlineData("bytes=-")]
    [InlineData("bytes=+1-2")]
    public void Parse_NoUsableRange_None(string? header) =>
        Assert.Equal(ByteRangeKind.None, ByteRangeRequest.Parse(header, 10000).Kind);

    [Theory]
    [InlineData("bytes=10000-", 10000)]
    [InlineData("bytes=-0", 10000)]
    [InlineData("bytes=0-", 0)]
    public void Parse_OutsideRepresentation_Unsatisfiable(string header, long total)
    {
        var range = ByteRangeRequest.Parse(header, total);
        Assert.Equal(ByteRangeKind.Unsatisfiable, range.Kind);
        Assert.Equal($"bytes */{total}", range.ContentRange(total));
    }

    [Fact]
    public void ContentRange_Satisfiable_FirstLastAndTotal() =>
        Assert.Equal("bytes 500-999/10000", ByteRangeRequest.Parse("bytes=500-999", 10000).ContentRange(10000));
}
