using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Validates <see cref="AzureStorageOptions"/> at start-up (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
}
