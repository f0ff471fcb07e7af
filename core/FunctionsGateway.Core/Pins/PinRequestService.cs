using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Pins;

/// <summary>
/// Pin requests per identity (the Pinning Service API, spec/standards.md §1; other surfaces' pin-by-CID jobs too): a
/// request is recorded <c>queued</c> and its job put on the pin queue, where the pin worker
/// (<see cref="PinJobProcessor"/>) fetches and pins it. Replacing records the new request before it deletes the old
/// one, so that blocks both share are never left unpinned.
/// </summary>
internal sealed class PinRequestService(PinRequestStore store, UsageStore usage, IQueueStorage queues, StorageNames names)
{
    /// <summary>The source of requests made through the Pinning Service API.</summary>
    public const string PsaSource = "psa";

    /// <summary>Records <paramref name="pin"/> for <paramref name="ownerId"/> and queues its job.</summary>
    /// <exception cref="PinRequestException">The pin breaks the spec's rules.</exception>
    /// <exception cref="QuotaExceededException">The owner's pinned bytes are at their quota already (the size of a DAG is known once it is fetched: the worker checks it then).</exception>
    public async Task<PinRequest> AddAsync(string ownerId, PinSpec pin, string source, CancellationToken cancellationToken = default)
    {
        Validate(pin);
        if (usage.Enabled)
        {
            var (used, quota) = await usage.GetAsync(ownerId, cancellationToken);
            if (quota.PinnedBytes is { } cap && used.PinnedBytes >= cap)
            {
                throw new QuotaExceededException(QuotaKind.PinnedBytes, cap, used.PinnedBytes, 0);
            }
        }

        var request = await store.CreateAsync(ownerId, pin, source, cancellationToken);
        try
        {
            await queues.SendAsync(names.PinQueue, new PinJobMessage(ownerId, PinRequestStore.Row(request.Created)).ToJson(), cancellationToken: cancellationToken);
        }
        catch (AzureStorageException)
        {
            // A request nobody will work on must not stay behind as "queued".
            await store.DeleteAsync(ownerId, request.RequestId, CancellationToken.None);
            throw;
        }

        return request;
    }

    /// <summary>The owner's request, or null.</summary>
    public Task<PinRequest?> GetAsync(string ownerId, string requestId, CancellationToken cancellationToken = default) =>
        store.GetAsync(ownerId, requestId, cancellationToken);

    /// <summary>Replaces the owner's request with a new one for <paramref name="pin"/>; null when <paramref name="requestId"/> is unknown.</summary>
    /// <exception cref="PinRequestException">The pin breaks the spec's rules.</exception>
    public async Task<PinRequest?> ReplaceAsync(string ownerId, string requestId, PinSpec pin, CancellationToken cancellationToken = default)
    {
        Validate(pin);
        var old = await store.GetAsync(ownerId, requestId, cancellationToken);
        if (old is null)
        {
            return null;
        }

        var replacement = await AddAsync(ownerId, pin, old.Source, cancellationToken);
        await store.DeleteAsync(ownerId, requestId, cancellationToken);
        return replacement;
    }

    /// <summary>Removes the owner's request; false when the id is unknown.</summary>
    public Task<bool> RemoveAsync(string ownerId, string requestId, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(ownerId, requestId, cancellationToken);

    /// <summary>The owner's requests that pass the filters, newest first, with the total count.</summary>
    public Task<(int Count, IReadOnlyList<PinRequest> Results)> ListAsync(string ownerId, PinListQuery query, CancellationToken cancellationToken = default) =>
        store.ListAsync(ownerId, query, cancellationToken);

    /// <summary>Checks a pin against the spec (§1.2): a valid CID, a name of at most 255 characters, 0–20 unique origins that end in <c>/p2p/{peer}</c>, at most 1000 meta entries.</summary>
    /// <exception cref="PinRequestException">It breaks one; the message says which.</exception>
    public static void Validate(PinSpec pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (string.IsNullOrEmpty(pin.Cid))
        {
            throw new PinRequestException("cid is required.");
        }

        if (!Cid.TryParse(pin.Cid, out _, out var error))
        {
            throw new PinRequestException($"cid '{pin.Cid}' is not a valid CID: {error}");
        }

        if (pin.Name is { Length: > PinSpec.MaxNameLength })
        {
            throw new PinRequestException($"name must be at most {PinSpec.MaxNameLength} characters.");
        }

        if (pin.Origins.Count > PinSpec.MaxOrigins || pin.Origins.Distinct(StringComparer.Ordinal).Count() != pin.Origins.Count)
        {
            throw new PinRequestException($"origins must list at most {PinSpec.MaxOrigins} distinct multiaddrs.");
        }

        if (pin.Origins.FirstOrDefault(o => !Multiaddrs.IsPeerAddress(o)) is { } bad)
        {
            throw new PinRequestException($"origins must be multiaddrs ending in /p2p/<peer id>; '{bad}' is not.");
        }

        if (pin.Meta.Count > PinSpec.MaxMetaEntries)
        {
            throw new PinRequestException($"meta must have at most {PinSpec.MaxMetaEntries} entries.");
        }

        if (pin.Meta.Sum(m => m.Key.Length + m.Value.Length) > 30_000)
        {
            // A table property holds 64 KiB (32 K characters); a pin's metadata is not a document store.
            throw new PinRequestException("meta must total at most 30000 characters.");
        }
    }
}
