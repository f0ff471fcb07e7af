namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The Table service operations the gateway uses, over the REST API (OData JSON, spec/azure.md §3).
/// Failures surface as <see cref="AzureStorageException"/>; a lost ETag race is status 412,
/// an insert of an existing key is status 409.
/// </summary>
public interface ITableStorage
{
    /// <summary>Creates the table; an existing table is not an error.</summary>
    Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>Insert Entity; returns the new ETag. Throws with status 409 when the key exists.</summary>
    Task<string> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Query one entity by key; null when it does not exist. The result carries its ETag.</summary>
    Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Insert-or-replace / insert-or-merge (no If-Match); returns the new ETag.</summary>
    Task<string> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Update or Merge with If-Match (an ETag, or "*"); returns the new ETag.
    /// Throws with status 412 when the ETag no longer matches, 404 when the entity is gone.</summary>
    Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Delete Entity with If-Match (default "*"). Returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default);

    /// <summary>One page of Query Entities: an OData <c>$filter</c> (null for all), <c>$top</c>, and the
    /// continuation of the previous page. A page may be empty and still have a continuation.</summary>
    Task<TablePage> QueryAsync(string table, string? filter, int? top = null, TableContinuation? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>Every entity matching the filter, following continuations.</summary>
    IAsyncEnumerable<TableEntity> QueryAllAsync(string table, string? filter, CancellationToken cancellationToken = default);

    /// <summary>An entity group transaction (<c>$batch</c>): one partition, at most 100 operations, atomic.
    /// Throws <see cref="AzureStorageException"/> naming the failed operation's status when any fails.</summary>
    Task<IReadOnlyList<string?>> SubmitBatchAsync(string table, IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>A cheap request that proves the service answers (used by /health).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>Replace writes exactly the given properties; Merge keeps the others.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}

/// <summary>Kinds of operation allowed inside a batch.</summary>
public enum TableBatchKind
{
    Insert,
    UpsertMerge,
    UpsertReplace,
    UpdateMerge,
    UpdateReplace,
    Delete,
}

/// <summary>One operation of a batch. <see cref="IfMatch"/> is used by Update* and Delete ("*" when null).</summary>
public sealed record TableBatchOperation(TableBatchKind Kind, TableEntity Entity, string? IfMatch = null);

/// <summary>The continuation of a query (opaque values from the service).</summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

/// <summary>One page of results.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Items, TableContinuation? Continuation);
