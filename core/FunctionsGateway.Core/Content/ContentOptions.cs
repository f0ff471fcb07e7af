using System.ComponentModel.DataAnnotations;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Content;

/// <summary>Content addressing settings, section <c>Gateway:Content</c>.</summary>
public sealed class ContentOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Content";

    /// <summary>
    /// How the CID of an upload is computed when the request does not say: <c>unixfs-v0-2015</c> (default:
    /// Kubo's <c>ipfs add</c> default, CIDv0), <c>unixfs-v1-2025</c>, or a spec such as
    /// <c>cid-version=1,chunker=size-1048576,max-links=1024</c> (<see cref="UnixFsProfileSpec"/>).
    /// </summary>
    public string CidProfile { get; set; } = UnixFsProfileSpec.V0Name;

    /// <summary>Blocks the <c>local</c> backend writes at once while it stores a file's DAG. Default 8.</summary>
    [Range(1, 64, ErrorMessage = "Gateway:Content:BlockWriteParallelism must be between 1 and 64.")]
    public int BlockWriteParallelism { get; set; } = 8;

    internal UnixFsProfile Profile => UnixFsProfileSpec.TryParse(CidProfile, out var profile, out _) ? profile : UnixFsProfile.UnixFsV0_2015;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UnixFsProfileSpec.TryParse(CidProfile, out _, out var error))
        {
            yield return new ValidationResult($"Gateway:Content:CidProfile is not a profile: {error}.", [nameof(CidProfile)]);
        }
    }
}
