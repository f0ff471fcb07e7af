using Azure.Core;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Azure.Core client options of the storage clients: retries from <see cref="AzureStorageOptions"/>;
/// the default <c>x-ms-client-request-id</c> policy stays on.</summary>
internal sealed class AzureStorageClientOptions : ClientOptions
{
    public AzureStorageClientOptions(AzureStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = options.RetryDelay;
        Retry.NetworkTimeout = options.NetworkTimeout;
    }
}
