using FunctionsGateway.Core.Content.Dag;

namespace FunctionsGateway.Core.Tests.Content.Dag;

public sealed class EntityBytesTests
{
    // Examples from the trustless gateway spec ("entity-bytes"), on a 10,000-byte file.
    [Theory]
    [InlineData("0:*", "Range", 0UL, 10_000UL)]
    [InlineData("0:0", "Range", 0UL, 1UL)]
    [InlineData("100:199", "Range", 100UL, 100UL)]
    [InlineData("9000:20000", "Range", 9000UL, 1000UL)]
    [InlineData("-1024:*", "Range", 8976UL, 1024UL)]
    [InlineData("-20000:*", "Range", 0UL, 10_000UL)]
    [InlineData("499:-1000", "Range", 499UL, 8502UL)]
    [InlineData("-100:-51", "Range", 9900UL, 50UL)]
    [InlineData("9500:-1000", "Empty", 0UL, 0UL)]
    [InlineData("10000:*", "Outside", 0UL, 0UL)]
    public void Resolve_OnATenThousandByteFile_TheRange(string text, string kind, ulong offset, ulong length)
    {
        Assert.True(EntityBytes.TryParse(text, out var bytes, out var error), error);

        Assert.Equal(new EntityByteRange(Enum.Parse<EntityByteRangeKind>(kind), offset, length), bytes.Resolve(10_000));
        Assert.Equal(text, bytes.ToString());
    }

    [Fact]
    public void Resolve_EmptyFile_Empty()
    {
        Assert.True(EntityBytes.TryParse("0:*", out var bytes, out _));

        Assert.Equal(EntityByteRangeKind.Empty, bytes.Resolve(0).Kind);
    }

    [Theory]
    [InlineData("", "is not from:to")]
    [InlineData("5", "is not from:to")]
    [InlineData("1:2:3", "is not from:to")]
    [InlineData("a:5", "from must be an integer")]
    [InlineData("5:b", "to must be an integer or *")]
    [InlineData("*:5", "from must be an integer")]
    [InlineData("10:5", "from is after to")]
    [InlineData("-5:-10", "from is after to")]
    public void TryParse_Malformed_FalseWithTheReason(string text, string reason)
    {
        Assert.False(EntityBytes.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
