using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Tests.Uploads;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("report.pdf")]
    [InlineData("résumé 2026.pdf")]
    [InlineData("...")]
    public void IsValid_OrdinaryNames_True(string name) => Assert.True(FileNames.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    public void IsValid_EmptyDotsSlashesOrControls_False(string? name) => Assert.False(FileNames.IsValid(name));

    [Fact]
    public void IsValid_LongerThanMax_False()
    {
        Assert.True(FileNames.IsValid(new string('n', FileNames.MaxLength)));
        Assert.False(FileNames.IsValid(new string('n', FileNames.MaxLength + 1)));
    }
}
