using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// Pin requests in Table storage (<c>{prefix}pinrequests</c>): partition = owner, row = the creation time in
/// milliseconds, inverted and zero-padded, so that a partition reads newest first and a creation time is unique per
/// owner (a second request in the same millisecond takes the next one: the insert of an existing row fails and moves
/// on). The request id is that row plus 80 random bits, so that a request id is never reused even when a row is.
/// </summary>
internal sealed class PinRequestStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, UsageStore usage, TimeProvider time)
{
    private const int RowDigits = 15;
    private static readonly long LastMillisecond = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Records a new <c>queued</c> request of <paramref name="ownerId"/> with a creation time unique to the owner.</summary>
    public async Task<PinRequest> CreateAsync(string ownerId, PinSpec pin, string source, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var created = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        for (var attempt = 0; ; attempt++)
        {
            var row = Row(created);
            var request = new PinRequest(ownerId, row + "-" + RandomSuffix(), created, pin, PinRequestStatus.Queued,
                new Dictionary<string, string>(StringComparer.Ordinal), source, 0, now);
            try
            {
                var etag = await tables.InsertAsync(names.PinRequestsTable, ToEntity(request), cancellationToken);
                return request with { ETag = etag };
            }
            catch (AzureStorageException e) when (e.Status == 409 && attempt < 1000)
            {
                // Another request of this owner holds this millisecond: take the next one.
                created = created.AddMilliseconds(1);
            }
        }
    }

    /// <summary>The owner's request, or null when the id is unknown (or malformed).</summary>
    public async Task<PinRequest?> GetAsync(string ownerId, string requestId, CancellationToken cancellationToken = default)
    {
        if (!TryGetRow(requestId, out var row))
        {
            return null;
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.PinRequestsTable, Partition(ownerId), row, cancellationToken);
        return entity is not null && entity.GetString("RequestId") == requestId ? FromEntity(ownerId, entity) : null;
    }

    /// <summary>Writes <paramref name="request"/> if its row still has the request's ETag; the stored request, or null when it changed or is gone.</summary>
    public async Task<PinRequest?> TryUpdateAsync(PinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updated = request with { UpdatedAt = time.GetUtcNow() };
        var etag = await tables.TryUpdateAsync(names.PinRequestsTable, ToEntity(updated), request.ETag ?? "*", TableUpdateMode.Replace, cancellationToken);
        return etag is null ? null : updated with { ETag = etag };
    }

    /// <summary>Deletes the owner's request (a pinned one gives its DAG size back to the owner's pinned bytes); false when the id is unknown.</summary>
    public async Task<bool> DeleteAsync(string ownerId, string requestId, CancellationToken cancellationToken = default)
    {
        var request = await GetAsync(ownerId, requestId, cancellationToken);
        if (request is null || !await tables.TryDeleteAsync(names.PinRequestsTable, Partition(ownerId), Row(request.Created), request.ETag!, cancellationToken))
        {
            return false;
        }

        if (request.Status == PinRequestStatus.Pinned
            && request.Info.TryGetValue(PinRequest.DagSizeKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            await usage.ChargeAsync(ownerId, new Usage(PinnedBytes: -size), enforce: false, CancellationToken.None);
        }

        return true;
    }

    /// <summary>
    /// The owner's requests that pass <paramref name="query"/>, newest first: the total and the first
    /// <see cref="PinListQuery.Limit"/>. CIDs (a CIDv0 matches its CIDv1), statuses, an exact name
    /// and the time range are filtered by the service; the other name strategies and meta here.
    /// </summary>
    public async Task<(int Count, IReadOnlyList<PinRequest> Results)> ListAsync(string ownerId, PinListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var count = 0;
        var results = new List<PinRequest>();
        await foreach (var entity in tables.QueryAllAsync(names.PinRequestsTable, Filter(ownerId, query), cancellationToken))
        {
            var request = FromEntity(ownerId, entity);
            if ((query.Before is { } before && request.Created >= before) || (query.After is { } after && request.Created <= after) || !query.MatchesInMemory(request))
            {
                continue;
            }

            count++;
            if (results.Count < query.Limit)
            {
                results.Add(request);
            }
        }

        return (count, results);
    }

    /// <summary>The request behind a pin job: by owner and row, whatever its id.</summary>
    public async Task<PinRequest?> GetByRowAsync(string ownerId, string row, CancellationToken cancellationToken = default)
    {
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var entity = await tables.GetAsync(names.PinRequestsTable, Partition(ownerId), row, cancellationToken);
        return entity is null ? null : FromEntity(ownerId, entity);
    }

    /// <summary>The row of a request id (its first part).</summary>
    public static bool TryGetRow(string? requestId, out string row)
    {
        row = requestId is { Length: >= RowDigits + 2 } && requestId[RowDigits] == '-' ? requestId[..RowDigits] : "";
        return IsRow(row);
    }

    /// <summary>True for a row key of this table (<see cref="Row"/>'s form).</summary>
    public static bool IsRow(string? row) => row is { Length: RowDigits } && row.All(char.IsAsciiDigit);

    /// <summary>The row of a creation time.</summary>
    public static string Row(DateTimeOffset created) =>
        (LastMillisecond - created.ToUnixTimeMilliseconds()).ToString("D" + RowDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Filter(string ownerId, PinListQuery query)
    {
        var clauses = new List<string> { $"PartitionKey eq {TableKeys.Literal(Partition(ownerId))}" };
        // Rows run newest first: before a time means rows after its row, and the other way round (milliseconds rounded outward).
        if (query.Before is { } before)
        {
            clauses.Add($"RowKey gt {TableKeys.Literal(Row(CeilingMillisecond(before)))}");
        }

        if (query.After is { } after)
        {
            clauses.Add($"RowKey lt {TableKeys.Literal(Row(DateTimeOffset.FromUnixTimeMilliseconds(after.ToUnixTimeMilliseconds())))}");
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => $"Status eq {TableKeys.Literal(s.ToWire())}")) + ")");
        }

        if (query.Cids.Count > 0)
        {
            clauses.Add("(" + string.Join(" or ", query.Cids.Select(c => $"CidKey eq {TableKeys.Literal(CidKey(c))}")) + ")");
        }

        if (query.Name is { } name && query.Match == PinNameMatch.Exact)
        {
            clauses.Add($"Name eq {TableKeys.Literal(name)}");
        }

        return string.Join(" and ", clauses);
    }

    // A CID's CIDv1 text: a CIDv0 and its CIDv1 are one CID to the filter (other codecs of the same hash are not).
    private static string CidKey(Cid cid) => cid.ToV1().ToString();

    private static DateTimeOffset CeilingMillisecond(DateTimeOffset time)
    {
        var floor = DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
        return floor == time ? floor : floor.AddMilliseconds(1);
    }

    private static string Partition(string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        return TableKeys.Encode(ownerId);
    }

    private static string RandomSuffix()
    {
        Span<char> text = stackalloc char[16];
        Base32Lower.Encode(RandomNumberGenerator.GetBytes(10), text);
        return new string(text);
    }

    private static TableEntity ToEntity(PinRequest r) => new(Partition(r.OwnerId), Row(r.Created))
    {
        ["RequestId"] = r.RequestId,
        ["Cid"] = r.Pin.Cid,
        ["CidKey"] = Cid.TryParse(r.Pin.Cid, out var cid) ? CidKey(cid) : "",
        ["Name"] = r.Pin.Name ?? "",
        ["HasName"] = r.Pin.Name is not null,
        ["Origins"] = JsonSerializer.Serialize(r.Pin.Origins, PinsJsonContext.Default.IReadOnlyListString),
        ["Meta"] = JsonSerializer.Serialize(r.Pin.Meta, PinsJsonContext.Default.IReadOnlyDictionaryStringString),
        ["Status"] = r.Status.ToWire(),
        ["Info"] = JsonSerializer.Serialize(r.Info, PinsJsonContext.Default.IReadOnlyDictionaryStringString),
        ["Source"] = r.Source,
        ["Attempts"] = r.Attempts,
        ["Created"] = r.Created,
        ["UpdatedAt"] = r.UpdatedAt,
    };

    private static PinRequest FromEntity(string ownerId, TableEntity e)
    {
        var status = PinRequestStatuses.TryParse(e.GetString("Status"), out var parsed) ? parsed : PinRequestStatus.Queued;
        var pin = new PinSpec(
            e.GetString("Cid") ?? "",
            e.GetBoolean("HasName") == true ? e.GetString("Name") ?? "" : null,
            JsonSerializer.Deserialize(e.GetString("Origins") ?? "[]", PinsJsonContext.Default.IReadOnlyListString) ?? [],
            JsonSerializer.Deserialize(e.GetString("Meta") ?? "{}", PinsJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>());
        return new PinRequest(
            ownerId,
            e.GetString("RequestId") ?? "",
            e.GetDateTimeOffset("Created") ?? default,
            pin,
            status,
            JsonSerializer.Deserialize(e.GetString("Info") ?? "{}", PinsJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>(),
            e.GetString("Source") ?? "",
            e.GetInt32("Attempts") ?? 0,
            e.GetDateTimeOffset("UpdatedAt") ?? default)
        {
            ETag = e.ETag,
        };
    }
}
