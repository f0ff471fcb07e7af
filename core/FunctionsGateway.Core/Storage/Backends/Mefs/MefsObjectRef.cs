using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>
/// What the <c>mefs</c> backend records as a file's <see cref="Uploads.FileRecord.BackendRef"/>: the object's
/// bucket, key and ETag, as <c>{bucket}/{etag}/{key}</c> (the ETag without quotes and percent-encoded; the key
/// may hold slashes, the bucket and the encoded ETag cannot). The ETag is what MEMO answers as a file's
/// <c>Mid</c> (compat §2.8: mefs-gw answers MEFS's <c>etag.ToString</c>); reads check it, so an object
/// replaced behind the gateway's back is not served as the file.
/// </summary>
public readonly record struct MefsObjectRef(string Bucket, string Key, string ETag)
{
    /// <summary>The bucket and key.</summary>
    public MefsObjectLocation Location => new(Bucket, Key);

    /// <summary>The ref of a stored MEFS file (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">Not a ref this backend wrote.</exception>
    public static MefsObjectRef Parse(string? backendRef) =>
        TryParse(backendRef, out var parsed) ? parsed : throw new FormatException($"'{backendRef}' is not a MEFS backend ref ({{bucket}}/{{etag}}/{{key}}).");

    /// <summary>Reads <c>{bucket}/{etag}/{key}</c>; false for anything else (another backend's ref, null).</summary>
    public static bool TryParse([NotNullWhen(true)] string? backendRef, out MefsObjectRef parsed)
    {
        parsed = default;
        var first = backendRef?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (first <= 0)
        {
            return false;
        }

        var second = backendRef!.IndexOf('/', first + 1);
        if (second <= first + 1 || second == backendRef.Length - 1)
        {
            return false;
        }

        var bucket = backendRef[..first];
        if (!MefsBucketNames.IsValid(bucket))
        {
            return false;
        }

        parsed = new MefsObjectRef(bucket, backendRef[(second + 1)..], Uri.UnescapeDataString(backendRef[(first + 1)..second]));
        return true;
    }

    /// <summary>Removes the quotes (and a weak marker) S3 puts around an ETag.</summary>
    public static string NormalizeETag(string? etag)
    {
        var value = etag ?? "";
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    /// <inheritdoc />
    public override string ToString() => Bucket + "/" + Uri.EscapeDataString(ETag) + "/" + Key;
}
