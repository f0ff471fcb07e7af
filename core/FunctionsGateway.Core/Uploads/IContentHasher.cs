namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// A digest computed while an upload streams through the pipeline (DESIGN.md §4 step 1): every byte is
/// appended once, in order; <see cref="Complete"/> is called once at the end. One instance per upload.
/// </summary>
public interface IContentHasher
{
    /// <summary>The digest's name, e.g. <c>sha256</c>; stored with the file and returned by the surfaces.</summary>
    string Name { get; }

    void Append(ReadOnlySpan<byte> data);

    /// <summary>The digest as text (hex, a CID, a fid …).</summary>
    string Complete();
}

/// <summary>Creates a fresh <see cref="IContentHasher"/> for each upload; registered in DI, one per digest.</summary>
public interface IContentHasherFactory
{
    IContentHasher Create();
}
