using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

/// <summary>Settings for the clients under test against the shared Azurite.</summary>
internal static class AzuriteStorage
{
    /// <summary>No retries: a failure shows at once.</summary>
    public static AzureStorageOptions NoRetries => new() { MaxRetries = 0 };

    public static StorageConnectionSettings Settings(AzuriteFixture azurite) =>
        StorageConnectionSettings.Parse(azurite.ConnectionString);

    /// <summary>The right account and endpoints with a key that is valid base64 but not the account's.</summary>
    public static StorageConnectionSettings SettingsWithWrongKey(AzuriteFixture azurite) =>
        StorageConnectionSettings.Parse(azurite.ConnectionString.Replace(
            AzuriteProcess.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal));
}
