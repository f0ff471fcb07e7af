using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Configuration;

public sealed class SettingNamingValidatorTests
{
    private static readonly SettingNamingValidator<UploadOptions> Validator = new(new UploadOptionsValidator(), UploadOptions.SectionName);

    [Theory]
    // The source generator's wordings for [Range] and [Required], which ignore the attribute's own message.
    [InlineData("BlockSizeBytes: The field UploadOptions.BlockSizeBytes must be between 65536 and 104857600.",
        "Gateway:Uploads:BlockSizeBytes (Gateway__Uploads__BlockSizeBytes) must be between 65536 and 104857600.")]
    [InlineData("Key: The OperatorOptions.Key field is required.", "Gateway:Uploads:Key (Gateway__Uploads__Key) is required.")]
    // A message of the options' own (IValidatableObject) that does not name the setting.
    [InlineData("PushMaxAttempts: too many.", "Gateway:Uploads:PushMaxAttempts (Gateway__Uploads__PushMaxAttempts): too many.")]
    // Nested and joined members.
    [InlineData("Chain.Endpoint: The field X.Endpoint must be a URL.", "Gateway:Uploads:Chain:Endpoint (Gateway__Uploads__Chain__Endpoint) must be a URL.")]
    [InlineData("A, B: only one of them.", "Gateway:Uploads:A (Gateway__Uploads__A): only one of them.")]
    // Already naming the setting, or naming no member: kept.
    [InlineData("Key: Gateway:Uploads:Key (Gateway__Uploads__Key) is required.", "Key: Gateway:Uploads:Key (Gateway__Uploads__Key) is required.")]
    [InlineData("Something is wrong.", "Something is wrong.")]
    public void Reword_Failure_NamesTheSetting(string failure, string expected) => Assert.Equal(expected, Validator.Reword(failure));

    [Fact]
    public void Validate_OutOfRange_FailsNamingTheAppSetting()
    {
        var result = Validator.Validate(null, new UploadOptions { BlockSizeBytes = 1, PushMaxAttempts = 0 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Gateway:Uploads:BlockSizeBytes (Gateway__Uploads__BlockSizeBytes) must be between", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gateway:Uploads:PushMaxAttempts (Gateway__Uploads__PushMaxAttempts)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Valid_Succeeds() => Assert.True(Validator.Validate(null, new UploadOptions()).Succeeded);

    [Fact]
    public void ValidateOnStart_BoundFromConfiguration_ReadingTheValueThrowsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Uploads:BlockSizeBytes"] = "12" })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateOnStart(new UploadOptionsValidator(), UploadOptions.SectionName);
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateOnStart(new UploadOptionsValidator(), UploadOptions.SectionName);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UploadOptions>>().Value);
        Assert.Equal(["Gateway:Uploads:BlockSizeBytes (Gateway__Uploads__BlockSizeBytes) must be between 65536 and 104857600."], error.Failures);
    }
}
