using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Tests.Uploads;

public sealed class LargeUploadOptionsValidatorTests
{
    private readonly LargeUploadOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new LargeUploadOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromHours(24), options.UploadExpiry);
        Assert.Equal(TimeSpan.FromHours(1), options.SasLifetime);
        Assert.Equal(TimeSpan.FromMinutes(4), options.TusPatchTimeLimit);
    }

    [Theory]
    [InlineData(7 * 24 * 60 + 1, 60, 240, "UploadExpiry")]
    [InlineData(0, 0, 240, "UploadExpiry")]
    [InlineData(24 * 60, 24 * 60 + 1, 240, "SasLifetime")]
    [InlineData(24 * 60, 60, 0, "TusPatchTimeLimit")]
    [InlineData(10, 20, 240, "SasLifetime must not be longer than Gateway:LargeUploads:UploadExpiry")]
    public void Validate_OutOfRange_FailsNamingTheSetting(int expiryMinutes, int sasMinutes, int patchSeconds, string message)
    {
        var options = new LargeUploadOptions
        {
            UploadExpiry = TimeSpan.FromMinutes(expiryMinutes),
            SasLifetime = TimeSpan.FromMinutes(sasMinutes),
            TusPatchTimeLimit = TimeSpan.FromSeconds(patchSeconds),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
