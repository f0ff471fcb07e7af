using FunctionsGateway.Core.Storage.Emulator;

namespace FunctionsGateway.Testing;

/// <summary>A storage account nobody answers for: free loopback ports with nothing listening (storage "down").</summary>
public static class UnreachableStorage
{
    /// <summary>A Shared Key connection string whose three endpoints refuse connections.</summary>
    public static string ConnectionString()
    {
        var (blob, queue, table) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        return $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
               $"BlobEndpoint=http://127.0.0.1:{blob}/{AzuriteProcess.AccountName};" +
               $"QueueEndpoint=http://127.0.0.1:{queue}/{AzuriteProcess.AccountName};" +
               $"TableEndpoint=http://127.0.0.1:{table}/{AzuriteProcess.AccountName};";
    }
}
