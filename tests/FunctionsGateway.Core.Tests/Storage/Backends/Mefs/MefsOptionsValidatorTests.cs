using FunctionsGateway.Core.Storage.Backends.Mefs;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

public sealed class MefsOptionsValidatorTests
{
    private readonly MefsOptionsValidator _validator = new();

    [Fact]
    public void Validate_NotConfigured_Succeeds() =>
        Assert.True(_validator.Validate(null, new MefsOptions()).Succeeded);

    [Fact]
    public void Validate_EndpointAndKeys_Succeeds() =>
        Assert.True(_validator.Validate(null, new MefsOptions { Endpoint = new Uri("http://127.0.0.1:7000"), AccessKey = "a", SecretKey = "s" }).Succeeded);

    [Fact]
    public void Validate_EndpointWithoutKeys_FailsNamingBoth()
    {
        var result = _validator.Validate(null, new MefsOptions { Endpoint = new Uri("http://127.0.0.1:7000") });

        Assert.True(result.Failed);
        Assert.Contains("Gateway:Mefs:AccessKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Gateway:Mefs:SecretKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotHttp_Fails()
    {
        var result = _validator.Validate(null, new MefsOptions { Endpoint = new Uri("ftp://127.0.0.1/"), AccessKey = "a", SecretKey = "s" });

        Assert.Contains("Gateway:Mefs:Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeValues_FailsNamingThem()
    {
        var result = _validator.Validate(null, new MefsOptions
        {
            PartSizeBytes = MefsOptions.MinPartSizeBytes - 1,
            MaxRetries = 11,
            RequestTimeout = TimeSpan.Zero,
            BucketPrefix = "FG_",
        });

        Assert.True(result.Failed);
        foreach (var name in new[] { "PartSizeBytes", "MaxRetries", "RequestTimeout", "BucketPrefix" })
        {
            Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
