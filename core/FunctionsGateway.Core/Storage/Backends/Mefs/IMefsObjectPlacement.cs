using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// Decides where the <c>mefs</c> backend puts a file: its bucket (per owner, compat §2.8) and key. Called on
/// every push attempt, so it must give one file the same answer each time (pushes are idempotent). The default,
/// <see cref="OwnerObjectPlacement"/>, can be replaced in DI by a surface that knows better.
/// </summary>
public interface IMefsObjectPlacement
{
    /// <summary>The bucket (see <see cref="MefsBucketNames.IsValid"/>) and key of <paramref name="file"/>.</summary>
    ValueTask<MefsObjectLocation> PlaceAsync(FileRecord file, CancellationToken cancellationToken = default);
}
