namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>Where a file's object lives at the S3 gateway: its bucket and key.</summary>
public readonly record struct MefsObjectLocation(string Bucket, string Key);
