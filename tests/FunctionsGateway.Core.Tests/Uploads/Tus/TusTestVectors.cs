namespace FunctionsGateway.Core.Tests.Uploads.Tus;

/// <summary>Header values from the tus 1.0.0 specification and digests from FIPS 180-2.</summary>
internal static class TusTestVectors
{
    /// <summary>
    /// The creation extension's example (tus/tus-resumable-upload-protocol: protocol.md, "Upload-Metadata"):
    /// a key with a base64 value and a key without one.
    /// </summary>
    public const string SpecMetadata = "filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential";

    public const string SpecMetadataFileName = "world_domination_plan.pdf";

    /// <summary>The checksum extension's example (protocol.md, "Upload-Checksum"): SHA-1, which this server does not serve.</summary>
    public const string SpecChecksumSha1 = "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=";

    /// <summary>SHA-256 of "abc" (FIPS 180-2, appendix B.1: ba7816bf…f20015ad), base64 as Upload-Checksum carries it.</summary>
    public const string Sha256OfAbc = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";

    /// <summary>Headers the creation extension does not allow: a value that is not base64, a key twice, three parts.</summary>
    public static TheoryData<string> BadMetadata => new()
    {
        "filename !!!",
        "filename YQ==,filename Yg==",
        "filename YQ== extra",
        "file\u0001name YQ==",
    };
}
