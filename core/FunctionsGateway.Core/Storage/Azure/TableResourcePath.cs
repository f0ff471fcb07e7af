namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Escaped paths of Table resources below the endpoint: <c>/Tables</c>, <c>/t</c>, <c>/t()</c> and
/// <c>/t(PartitionKey='…',RowKey='…')</c> with each key's <c>'</c> doubled and then percent-encoded
/// (https://learn.microsoft.com/rest/api/storageservices/query-entities#request; spec/azure.md §3.3).
/// The paths are signed exactly as they are sent. Pure.
/// </summary>
internal static class TableResourcePath
{
    /// <summary>The <c>Tables</c> collection.</summary>
    public const string Tables = "/Tables";

    /// <summary>The batch endpoint.</summary>
    public const string Batch = "/$batch";

    /// <summary><c>/table</c>: the target of Insert Entity.</summary>
    public static string Table(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return "/" + Uri.EscapeDataString(table);
    }

    /// <summary><c>/table()</c>: the target of Query Entities.</summary>
    public static string Query(string table) => Table(table) + "()";

    /// <summary><c>/table(PartitionKey='pk',RowKey='rk')</c>.</summary>
    public static string Entity(string table, string partitionKey, string rowKey) => Table(table) + EntityKeys(partitionKey, rowKey);

    /// <summary><c>(PartitionKey='pk',RowKey='rk')</c>: what follows a table's URL to name one entity.</summary>
    public static string EntityKeys(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    /// <summary>A key as it stands inside <c>'…'</c> in a URL: quotes doubled, then percent-encoded (so <c>'</c> is <c>%27%27</c>).</summary>
    public static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
