using FunctionsGateway.Core.Storage.Backends;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Files;

/// <summary>The storage types of the MEMO routes (<c>/memo/mefs/…</c>, <c>/memo/ipfs/…</c>).</summary>
public enum MemoStorageType
{
    Mefs,
    Ipfs,
}

/// <summary>
/// Names the storage types and finds the backend serving each (compat §2.8): the backend named for the type in
/// <see cref="MemoStorageOptions"/>, else the fallback (523 when that names no backend); neither → 518 <c>storage not support</c>, the original's
/// answer for a storage it does not run.
/// </summary>
internal sealed class MemoStorage(StorageBackendRegistry backends, IOptions<MemoStorageOptions> options)
{
    /// <summary>The route segment and the <c>Storage</c> field of answers: <c>mefs</c> or <c>ipfs</c>.</summary>
    public static string Name(MemoStorageType type) => type == MemoStorageType.Mefs ? "mefs" : "ipfs";

    /// <summary>Reads a route segment (exactly <c>mefs</c> or <c>ipfs</c>, as gin's routes were).</summary>
    public static bool TryParse(string? text, out MemoStorageType type)
    {
        type = text == "ipfs" ? MemoStorageType.Ipfs : MemoStorageType.Mefs;
        return text is "mefs" or "ipfs";
    }

    /// <summary>The storage type of a route segment, or 518.</summary>
    public static MemoStorageType Parse(string? text) => TryParse(text, out var type) ? type : throw MemoException.StorageNotSupported();

    /// <summary>The backend serving a storage type, or 518.</summary>
    public IStorageBackend Resolve(MemoStorageType type)
    {
        var name = type == MemoStorageType.Mefs ? options.Value.Mefs : options.Value.Ipfs;
        if (backends.Find(name) is { } backend)
        {
            return backend;
        }

        if (options.Value.Fallback is not { Length: > 0 } fallback)
        {
            throw MemoException.StorageNotSupported();
        }

        // A fallback that names no backend is a typo in the settings, not a storage the service chose not to run.
        return backends.Find(fallback)
            ?? throw new MemoException(MemoErrorKind.Config, $"{MemoStorageOptions.SectionName}:Fallback names no backend ('{fallback}')");
    }
}
