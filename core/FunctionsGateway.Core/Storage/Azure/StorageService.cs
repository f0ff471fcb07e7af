namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>The three Azure Storage services the gateway talks to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
