using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Storage;

/// <summary>
/// Creates the gateway's containers, tables and queues once per process, on first use rather than at
/// start-up, so that the handler answers the host's readiness ping even while storage is down.
/// A failed attempt is forgotten so that the next request tries again.
/// </summary>
public sealed class StorageBootstrap(IBlobStorage blobs, ITableStorage tables, IQueueStorage queues, StorageNames names)
{
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>Completes when every resource exists.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                // Not tied to one caller's token: a cancelled request must not poison the shared attempt.
                _created = CreateAllAsync();
            }

            return _created.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateAllAsync()
    {
        var work = new List<Task>();
        work.AddRange(names.Containers.Select(c => blobs.CreateContainerIfNotExistsAsync(c)));
        work.AddRange(names.Tables.Select(t => tables.CreateTableIfNotExistsAsync(t)));
        work.AddRange(names.Queues.Select(q => queues.CreateQueueIfNotExistsAsync(q)));
        await Task.WhenAll(work);
    }
}
