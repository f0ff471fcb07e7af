using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class AzureStorageOptionsValidatorTests
{
    private readonly AzureStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new AzureStorageOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(100), options.NetworkTimeout);
    }

    [Theory]
    [InlineData(-1, 0.5, 100, "MaxRetries")]
    [InlineData(11, 0.5, 100, "MaxRetries")]
    [InlineData(3, -1, 100, "RetryDelay")]
    [InlineData(3, 61, 100, "RetryDelay")]
    [InlineData(3, 0.5, 0, "NetworkTimeout")]
    [InlineData(3, 0.5, 3601, "NetworkTimeout")]
    public void Validate_OutOfRange_FailsNamingTheProperty(int maxRetries, double retryDelaySeconds, double networkTimeoutSeconds, string property)
    {
        var options = new AzureStorageOptions
        {
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromSeconds(retryDelaySeconds),
            NetworkTimeout = TimeSpan.FromSeconds(networkTimeoutSeconds),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(property, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(10, 60, 3600)]
    public void Validate_Bounds_Succeed(int maxRetries, double retryDelaySeconds, double networkTimeoutSeconds)
    {
        var options = new AzureStorageOptions
        {
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromSeconds(retryDelaySeconds),
            NetworkTimeout = TimeSpan.FromSeconds(networkTimeoutSeconds),
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }
}
