using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// <see cref="ITableStorage"/> over the Table service REST API
/// (https://learn.microsoft.com/rest/api/storageservices/table-service-rest-api; spec/azure.md §3) with OData JSON
/// on an Azure.Core pipeline: Shared Key Lite or Entra ID authorization, retries per
/// <see cref="AzureStorageOptions"/>. An immutable singleton.
/// </summary>
public sealed class TableStorageClient : ITableStorage
{
    /// <summary>The REST version sent as <c>x-ms-version</c> (the one <c>Azure.Data.Tables</c> uses).</summary>
    public const string ApiVersion = "2019-02-02";

    /// <summary>The most operations one entity group transaction may hold.</summary>
    public const int MaxBatchOperations = 100;

    private const string NoMetadata = "application/json;odata=nometadata";

    // Minimal metadata returns odata.etag per row and the type annotations of non-inferable properties.
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";

    private static readonly RequestMethod Merge = RequestMethod.Parse("MERGE");

    private readonly StorageRestPipeline _pipeline;

    /// <summary>A client for the Table endpoint of <paramref name="settings"/>.</summary>
    public TableStorageClient(StorageConnectionSettings settings, AzureStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = StorageRestPipeline.Create(
            StorageService.Table,
            settings,
            options,
            timeProvider ?? TimeProvider.System,
            ApiVersion,
            [new("DataServiceVersion", "3.0;NetFx"), new("MaxDataServiceVersion", "3.0;NetFx")]);
    }

    /// <summary>The <c>$top</c> of each page <see cref="QueryAllAsync"/> asks for; null leaves the service's
    /// default (1,000). A knob for tests.</summary>
    internal int? QueryAllPageSize { get; init; }

    /// <inheritdoc />
    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        using var message = CreateMessage(RequestMethod.Post, TableResourcePath.Tables, NoMetadata);
        message.Request.Headers.Add("Prefer", "return-no-content");
        SetJsonContent(message.Request, WriteTableName(table));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is >= 200 and <= 299)
        {
            return;
        }

        var failure = await _pipeline.CreateFailureAsync(message, cancellationToken);
        if (failure.Status != 409 || failure.ErrorCode != "TableAlreadyExists")
        {
            throw failure;
        }
    }

    /// <inheritdoc />
    public async Task<string> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(RequestMethod.Post, TableResourcePath.Table(table), NoMetadata);
        message.Request.Headers.Add("Prefer", "return-no-content");
        SetJsonContent(message.Request, TableEntityJson.Write(entity));
        return StorageResponseHeaders.ETag(await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, TableResourcePath.Entity(table, partitionKey, rowKey), MinimalMetadata);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        var entity = StorageRestPipeline.ParseBody(message, static body =>
        {
            using var document = JsonDocument.Parse(body);
            return TableEntityJson.Read(document.RootElement);
        });
        entity.ETag ??= StorageResponseHeaders.ETag(response);
        return entity;
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteEntityAsync(table, entity, mode, ifMatch: null, cancellationToken);

    /// <inheritdoc />
    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteEntityAsync(table, entity, mode, ifMatch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = CreateMessage(RequestMethod.Delete, TableResourcePath.Entity(table, partitionKey, rowKey), NoMetadata);
        message.Request.Headers.Add("If-Match", ifMatch);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        await _pipeline.EnsureSuccessAsync(message, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<TablePage> QueryAsync(string table, string? filter, int? top = null, TableContinuation? continuation = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (top is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, 1, nameof(top));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(t, 1000, nameof(top));
            query.Add("$top=" + t.ToString(CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(continuation.NextPartitionKey));
            if (continuation.NextRowKey is { } nextRowKey)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
            }
        }

        var path = TableResourcePath.Query(table) + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = CreateMessage(RequestMethod.Get, path, MinimalMetadata);
        var response = await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);

        var items = StorageRestPipeline.ParseBody(message, static body =>
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("value", out var rows) && rows.ValueKind == JsonValueKind.Array
                ? rows.EnumerateArray().Select(TableEntityJson.Read).ToList()
                : [];
        });

        TableContinuation? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartitionKey) && nextPartitionKey.Length > 0)
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
            next = new TableContinuation(nextPartitionKey, string.IsNullOrEmpty(nextRow) ? null : nextRow);
        }

        return new TablePage(items, next);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TableEntity> QueryAllAsync(string table, string? filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryAsync(table, filter, QueryAllPageSize, continuation, cancellationToken);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <inheritdoc />
    /// <returns>Each operation's new ETag, in order; null for deletes.</returns>
    public async Task<IReadOnlyList<string?>> SubmitBatchAsync(string table, IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > MaxBatchOperations)
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatchOperations} operations, not {operations.Count}.", nameof(operations));
        }

        if (operations.Any(o => o.Entity.PartitionKey != operations[0].Entity.PartitionKey))
        {
            throw new ArgumentException("Every operation of a batch must be in one partition.", nameof(operations));
        }

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = TableBatchMultipart.Write(batchBoundary, changesetBoundary, _pipeline.CreateUri(TableResourcePath.Table(table)), operations);

        using var message = CreateMessage(RequestMethod.Post, TableResourcePath.Batch, NoMetadata);
        message.Request.Headers.Add("Content-Type", "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        var response = await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);

        var contentType = response.Headers.ContentType ?? string.Empty;
        var parts = StorageRestPipeline.ParseBody(message, stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return TableBatchMultipart.ParseResponses(contentType, reader.ReadToEnd());
        });
        if (parts.FirstOrDefault(p => p.Status is < 200 or > 299) is { } failed)
        {
            // The service prefixes the message with the failed operation's index ("1:The specified entity already exists.").
            var (code, text) = StorageErrorBody.Parse(failed.Body);
            var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            var operation = colon > 0 && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < operations.Count
                ? $"operation {index} ({operations[index].Kind} of row '{operations[index].Entity.RowKey}')"
                : "an operation";
            throw new AzureStorageException(
                failed.Status,
                code,
                $"Azure Storage Table batch of {operations.Count} on {table} failed at {operation} with {failed.Status} {code}: {text} (nothing was applied).");
        }

        if (parts.Count != operations.Count)
        {
            throw new AzureStorageException(
                response.Status,
                null,
                $"Azure Storage Table batch of {operations.Count} on {table} answered {parts.Count} operations.");
        }

        return [.. parts.Select((part, i) => operations[i].Kind == TableBatchKind.Delete ? null : part.ETag)];
    }

    /// <inheritdoc />
    /// <remarks>Query Tables with <c>$top=1</c>.</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, TableResourcePath.Tables + "?$top=1", NoMetadata);
        await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken);
    }

    private async Task<string> WriteEntityAsync(string table, TableEntity entity, TableUpdateMode mode, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;
        using var message = CreateMessage(method, TableResourcePath.Entity(table, entity.PartitionKey, entity.RowKey), NoMetadata);
        if (ifMatch is not null)
        {
            message.Request.Headers.Add("If-Match", ifMatch);
        }

        SetJsonContent(message.Request, TableEntityJson.Write(entity));
        return StorageResponseHeaders.ETag(await _pipeline.SendAndEnsureSuccessAsync(message, cancellationToken));
    }

    private HttpMessage CreateMessage(RequestMethod method, string pathAndQuery, string accept)
    {
        var message = _pipeline.CreateMessage(method, pathAndQuery);
        message.Request.Headers.Add("Accept", accept);
        return message;
    }

    private static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.Add("Content-Type", "application/json");
        request.Content = RequestContent.Create(json);
    }

    private static byte[] WriteTableName(string table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", table);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
