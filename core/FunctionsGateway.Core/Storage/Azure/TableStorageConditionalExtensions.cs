namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// ETag-conditional writes whose lost race is an expected outcome, not a failure: the caller learns it lost
/// (and usually answers 409) instead of catching <see cref="AzureStorageException"/> itself.
/// </summary>
public static class TableStorageConditionalExtensions
{
    /// <summary>Update with If-Match; the new ETag, or null when the ETag no longer matches or the entity is gone.</summary>
    public static async Task<string?> TryUpdateAsync(
        this ITableStorage tables, string table, TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        try
        {
            return await tables.UpdateAsync(table, entity, ifMatch, mode, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Delete with If-Match; false when the ETag no longer matches or the entity is gone.</summary>
    public static async Task<bool> TryDeleteAsync(
        this ITableStorage tables, string table, string partitionKey, string rowKey, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        try
        {
            return await tables.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
        }
        catch (AzureStorageException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
