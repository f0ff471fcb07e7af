using System.Text;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// The default placement. Bucket: when the owner's identity has a handle of scheme
/// <see cref="MefsOptions.AddressHandleScheme"/> (<c>memo</c>) holding an Ethereum address, that address
/// lowercased, MEMO's bucket for the user (compat §2.8); otherwise <see cref="MefsOptions.BucketPrefix"/> and the
/// identity id (<see cref="MefsBucketNames.ForOwner"/>). Key: <c>{file id}/{file name}</c>, so that two files of one
/// name stay two objects (each upload is a new file, and MEMO's Mid is per upload); a name too long for a key
/// (1024 UTF-8 bytes) leaves the key at the file id.
/// </summary>
public sealed class OwnerObjectPlacement(IdentityStore identities, IOptions<MefsOptions> options) : IMefsObjectPlacement
{
    private const int MaxKeyBytes = 1024;

    public async ValueTask<MefsObjectLocation> PlaceAsync(FileRecord file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var o = options.Value;
        var identity = IdentityStore.IsValidId(file.OwnerId) ? await identities.GetAsync(file.OwnerId, cancellationToken) : null;
        var bucket = identity is not null
            && identity.Handles.TryGetValue(o.AddressHandleScheme, out var address)
            && MefsBucketNames.TryForAddress(address, out var addressBucket)
                ? addressBucket
                : MefsBucketNames.ForOwner(o.BucketPrefix, file.OwnerId);
        var key = file.Id + "/" + file.Name;
        return new MefsObjectLocation(bucket, Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes ? key : file.Id);
    }
}
