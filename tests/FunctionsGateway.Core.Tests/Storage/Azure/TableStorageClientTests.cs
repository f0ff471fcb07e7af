using System.Globalization;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageClientTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = new(AzuriteStorage.Settings(azurite), AzuriteStorage.NoRetries);

    [Fact]
    public async Task CreateTableIfNotExistsAsync_Twice_DoesNotThrow()
    {
        var table = AzuriteFixture.UniqueName();

        await _client.CreateTableIfNotExistsAsync(table);
        await _client.CreateTableIfNotExistsAsync(table);

        Assert.Empty((await _client.QueryAsync(table, null)).Items);
    }

    [Fact]
    public async Task InsertAsync_EveryEdmType_GetAsyncRoundTripsValuesAndTypes()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "héllo \"world\" ✓",
            ["Int"] = -42,
            ["Long"] = (1L << 53) + 1,
            ["MaxLong"] = long.MaxValue,
            ["Double"] = 1.0,
            ["Fraction"] = 3.25,
            ["Huge"] = 1.5e300,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Empty"] = string.Empty,
        };

        var etag = await _client.InsertAsync(table, entity);
        var read = await _client.GetAsync(table, "p", "r");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("héllo \"world\" ✓", read["Text"]);
        Assert.Equal(-42, Assert.IsType<int>(read["Int"]));
        Assert.Equal((1L << 53) + 1, Assert.IsType<long>(read["Long"]));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(read["MaxLong"]));
        Assert.Equal(1.0, Assert.IsType<double>(read["Double"]));
        Assert.Equal(3.25, Assert.IsType<double>(read["Fraction"]));
        Assert.Equal(1.5e300, Assert.IsType<double>(read["Huge"]));
        Assert.True(Assert.IsType<bool>(read["Flag"]));
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, Assert.IsType<byte[]>(read["Bytes"]));
        Assert.Equal(string.Empty, read["Empty"]);
        Assert.Equal(entity.Properties.Keys.Order(), read.Properties.Keys.Order());
    }

    [Fact]
    public async Task InsertAsync_ExistingKey_Throws409EntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await _client.InsertAsync(table, new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.InsertAsync(table, new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task InsertAsync_MissingTable_Throws404()
    {
        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.InsertAsync(AzuriteFixture.UniqueName(), new TableEntity("p", "r")));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await _client.GetAsync(table, "p", "nothing"));
    }

    [Theory]
    [InlineData("it's", "o'clock ''quoted''")]
    [InlineData("with spaces", "and + plus & amp = eq")]
    [InlineData("ünïcødé €", "日本語 🙂")]
    [InlineData("percent %41 %", "comma, (paren) ;semi")]
    public async Task AwkwardKeys_InsertGetUpdateQueryDelete_Work(string partitionKey, string rowKey)
    {
        var table = await NewTableAsync();
        await _client.InsertAsync(table, new TableEntity(partitionKey, rowKey) { ["N"] = 1 });

        var read = await _client.GetAsync(table, partitionKey, rowKey);
        Assert.NotNull(read);
        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);

        await _client.UpdateAsync(table, new TableEntity(partitionKey, rowKey) { ["N"] = 2 }, read.ETag!);
        var filter = $"PartitionKey eq '{partitionKey.Replace("'", "''", StringComparison.Ordinal)}' and RowKey eq '{rowKey.Replace("'", "''", StringComparison.Ordinal)}'";
        var page = await _client.QueryAsync(table, filter);
        Assert.Equal(2, Assert.Single(page.Items)["N"]);

        Assert.True(await _client.DeleteAsync(table, partitionKey, rowKey));
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_ReplacesAndReturnsANewETag()
    {
        var table = await NewTableAsync();
        var first = await _client.InsertAsync(table, new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        var second = await _client.UpdateAsync(table, new TableEntity("p", "r") { ["A"] = 10 }, first, TableUpdateMode.Replace);

        Assert.NotEqual(first, second);
        var read = await _client.GetAsync(table, "p", "r");
        Assert.Equal(second, read!.ETag);
        Assert.Equal(10, read["A"]);
        Assert.Null(read["B"]);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_Throws412()
    {
        var table = await NewTableAsync();
        var stale = await _client.InsertAsync(table, new TableEntity("p", "r") { ["Count"] = 1 });
        await _client.UpdateAsync(table, new TableEntity("p", "r") { ["Count"] = 2 }, stale);

        var error = await Assert.ThrowsAsync<AzureStorageException>(
            () => _client.UpdateAsync(table, new TableEntity("p", "r") { ["Count"] = 3 }, stale));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Equal(2, (await _client.GetAsync(table, "p", "r"))!["Count"]);
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task UpdateAsync_Missing_Throws404(TableUpdateMode mode)
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<AzureStorageException>(
            () => _client.UpdateAsync(table, new TableEntity("p", "missing") { ["A"] = 1 }, "*", mode));

        Assert.Equal(404, error.Status);
        Assert.Null(await _client.GetAsync(table, "p", "missing"));
    }

    [Fact]
    public async Task UpdateAsync_Merge_KeepsOtherProperties()
    {
        var table = await NewTableAsync();
        var etag = await _client.InsertAsync(table, new TableEntity("p", "r") { ["A"] = 1, ["B"] = "b" });

        await _client.UpdateAsync(table, new TableEntity("p", "r") { ["A"] = 2 }, etag, TableUpdateMode.Merge);

        var read = await _client.GetAsync(table, "p", "r");
        Assert.Equal(2, read!["A"]);
        Assert.Equal("b", read["B"]);
    }

    [Fact]
    public async Task UpsertAsync_Merge_InsertsThenKeepsOtherProperties()
    {
        var table = await NewTableAsync();

        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = 1, ["B"] = "b" });
        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = 2, ["C"] = 3L });

        var read = await _client.GetAsync(table, "p", "r");
        Assert.Equal(2, read!["A"]);
        Assert.Equal("b", read["B"]);
        Assert.Equal(3L, read["C"]);
    }

    [Fact]
    public async Task UpsertAsync_Replace_InsertsThenDropsOtherProperties()
    {
        var table = await NewTableAsync();

        var first = await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = 1, ["B"] = "b" }, TableUpdateMode.Replace);
        var second = await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = 2 }, TableUpdateMode.Replace);

        Assert.NotEqual(first, second);
        var read = await _client.GetAsync(table, "p", "r");
        Assert.Equal(second, read!.ETag);
        Assert.Equal(2, read["A"]);
        Assert.Null(read["B"]);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_TrueThenFalse()
    {
        var table = await NewTableAsync();
        var etag = await _client.InsertAsync(table, new TableEntity("p", "r"));

        Assert.True(await _client.DeleteAsync(table, "p", "r", etag));
        Assert.False(await _client.DeleteAsync(table, "p", "r"));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_Throws412AndKeepsTheEntity()
    {
        var table = await NewTableAsync();
        var stale = await _client.InsertAsync(table, new TableEntity("p", "r") { ["A"] = 1 });
        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = 2 });

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.DeleteAsync(table, "p", "r", stale));

        Assert.Equal(412, error.Status);
        Assert.NotNull(await _client.GetAsync(table, "p", "r"));
    }

    [Fact]
    public async Task QueryAsync_FilterTopAndContinuation_PagesThroughEveryMatchInKeyOrder()
    {
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "p", 25);
        await InsertRowsAsync(table, "other", 3);

        var pages = new List<TablePage>();
        TableContinuation? continuation = null;
        do
        {
            var page = await _client.QueryAsync(table, "PartitionKey eq 'p'", top: 10, continuation);
            pages.Add(page);
            continuation = page.Continuation;
        }
        while (continuation is not null && pages.Count < 10);

        var rows = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count).Where(c => c > 0));
        Assert.Equal(Enumerable.Range(0, 25).Select(RowKey), rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal("p", r.PartitionKey));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.ETag)));
        Assert.All(rows, r => Assert.NotNull(r.Timestamp));
        Assert.Equal(Enumerable.Range(0, 25), rows.Select(r => (int)r["Index"]!));
    }

    [Fact]
    public async Task QueryAsync_RowETag_AllowsAConditionalUpdate()
    {
        var table = await NewTableAsync();
        await _client.InsertAsync(table, new TableEntity("p", "r") { ["Count"] = 1L });

        var row = Assert.Single((await _client.QueryAsync(table, "RowKey eq 'r'")).Items);
        await _client.UpdateAsync(table, new TableEntity("p", "r") { ["Count"] = row.GetInt64("Count")!.Value + 1 }, row.ETag!);

        Assert.Equal(2L, (await _client.GetAsync(table, "p", "r"))!["Count"]);
    }

    [Fact]
    public async Task QueryAsync_TypedFilters_MatchTypedProperties()
    {
        var table = await NewTableAsync();
        var cutoff = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await _client.InsertAsync(table, new TableEntity("p", "old") { ["At"] = cutoff.AddDays(-1), ["Size"] = 5L });
        await _client.InsertAsync(table, new TableEntity("p", "new") { ["At"] = cutoff.AddDays(1), ["Size"] = 5_000_000_000L });

        var byDate = await _client.QueryAsync(table, $"At gt datetime'{cutoff.UtcDateTime.ToString("o", CultureInfo.InvariantCulture)}'");
        var byLong = await _client.QueryAsync(table, "Size ge 4000000000L");

        Assert.Equal("new", Assert.Single(byDate.Items).RowKey);
        Assert.Equal("new", Assert.Single(byLong.Items).RowKey);
    }

    [Fact]
    public async Task QueryAllAsync_SmallPages_FollowsEveryContinuation()
    {
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "p", 25);
        var client = new TableStorageClient(AzuriteStorage.Settings(azurite), AzuriteStorage.NoRetries) { QueryAllPageSize = 10 };

        var rows = await client.QueryAllAsync(table, "PartitionKey eq 'p'").ToListAsync();
        var everything = await client.QueryAllAsync(table, null).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 25).Select(RowKey), rows.Select(r => r.RowKey));
        Assert.Equal(25, everything.Count);
    }

    [Fact]
    public async Task SubmitBatchAsync_MixedOperations_AppliesAllAndReturnsETags()
    {
        var table = await NewTableAsync();
        var updateEtag = await _client.InsertAsync(table, new TableEntity("p", "update") { ["V"] = 1, ["Keep"] = "k" });
        await _client.InsertAsync(table, new TableEntity("p", "replace") { ["V"] = 1, ["Drop"] = "d" });
        await _client.InsertAsync(table, new TableEntity("p", "delete"));

        var etags = await _client.SubmitBatchAsync(table,
        [
            new(TableBatchKind.Insert, new TableEntity("p", "insert") { ["V"] = 1L << 40, ["When"] = DateTimeOffset.UnixEpoch }),
            new(TableBatchKind.UpdateMerge, new TableEntity("p", "update") { ["V"] = 2 }, updateEtag),
            new(TableBatchKind.UpdateReplace, new TableEntity("p", "replace") { ["V"] = 2 }),
            new(TableBatchKind.UpsertMerge, new TableEntity("p", "upsert-merge") { ["V"] = 3 }),
            new(TableBatchKind.UpsertReplace, new TableEntity("p", "upsert-replace") { ["V"] = 4 }),
            new(TableBatchKind.Delete, new TableEntity("p", "delete")),
        ]);

        Assert.Equal(6, etags.Count);
        Assert.All(etags.Take(5), e => Assert.False(string.IsNullOrEmpty(e)));
        Assert.Null(etags[5]);
        var inserted = await _client.GetAsync(table, "p", "insert");
        Assert.Equal(1L << 40, inserted!["V"]);
        Assert.Equal(DateTimeOffset.UnixEpoch, inserted["When"]);
        Assert.Equal(etags[0], inserted.ETag);
        var updated = await _client.GetAsync(table, "p", "update");
        Assert.Equal(2, updated!["V"]);
        Assert.Equal("k", updated["Keep"]);
        Assert.Null((await _client.GetAsync(table, "p", "replace"))!["Drop"]);
        Assert.Equal(3, (await _client.GetAsync(table, "p", "upsert-merge"))!["V"]);
        Assert.Equal(4, (await _client.GetAsync(table, "p", "upsert-replace"))!["V"]);
        Assert.Null(await _client.GetAsync(table, "p", "delete"));
    }

    [Fact]
    public async Task SubmitBatchAsync_SecondOperationInsertsAnExistingKey_Throws409AndRollsBackTheFirst()
    {
        var table = await NewTableAsync();
        await _client.InsertAsync(table, new TableEntity("p", "existing") { ["V"] = 1 });

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.SubmitBatchAsync(table,
        [
            new(TableBatchKind.Insert, new TableEntity("p", "new")),
            new(TableBatchKind.Insert, new TableEntity("p", "existing") { ["V"] = 2 }),
        ]));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("operation 1 (Insert of row 'existing')", error.Message, StringComparison.Ordinal);
        Assert.Null(await _client.GetAsync(table, "p", "new"));
        Assert.Equal(1, (await _client.GetAsync(table, "p", "existing"))!["V"]);
    }

    [Fact]
    public async Task SubmitBatchAsync_StaleETag_Throws412AndAppliesNothing()
    {
        var table = await NewTableAsync();
        var stale = await _client.InsertAsync(table, new TableEntity("p", "r") { ["V"] = 1 });
        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => _client.SubmitBatchAsync(table,
        [
            new(TableBatchKind.UpsertReplace, new TableEntity("p", "other")),
            new(TableBatchKind.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Null(await _client.GetAsync(table, "p", "other"));
    }

    [Fact]
    public async Task SubmitBatchAsync_TwoPartitionsOrTooMany_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitBatchAsync("t",
            [new(TableBatchKind.Insert, new TableEntity("a", "1")), new(TableBatchKind.Insert, new TableEntity("b", "1"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitBatchAsync("t",
            Enumerable.Range(0, 101).Select(i => new TableBatchOperation(TableBatchKind.Insert, new TableEntity("a", RowKey(i)))).ToList()));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitBatchAsync("t", []));
    }

    [Fact]
    public async Task PingAsync_Azurite_Succeeds()
    {
        await _client.PingAsync();
    }

    [Fact]
    public async Task PingAsync_WrongAccountKey_Throws403()
    {
        var client = new TableStorageClient(AzuriteStorage.SettingsWithWrongKey(azurite), AzuriteStorage.NoRetries);

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => client.PingAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
    }

    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.UniqueName();
        await _client.CreateTableIfNotExistsAsync(table);
        return table;
    }

    private async Task InsertRowsAsync(string table, string partitionKey, int count)
    {
        // Batches of up to 100 keep the set-up fast.
        await _client.SubmitBatchAsync(table, Enumerable.Range(0, count)
            .Select(i => new TableBatchOperation(TableBatchKind.Insert, new TableEntity(partitionKey, RowKey(i)) { ["Index"] = i }))
            .ToList());
    }

    private static string RowKey(int index) => index.ToString("D4", CultureInfo.InvariantCulture);
}
