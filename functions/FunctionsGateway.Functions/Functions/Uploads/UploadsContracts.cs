using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary><c>POST /uploads</c>: the file's name, optionally its content type and size in bytes.</summary>
internal sealed record DirectUploadRequest(string? Name, string? ContentType, long? Size);

/// <summary>
/// A created direct upload: <see cref="BlobUrl"/> (a SAS URL allowing Put Block and Put Block List on one blob)
/// until <see cref="ExpiresAt"/>, and the block size the gateway itself would use.
/// </summary>
internal sealed record DirectUploadResponse(string UploadId, string BlobUrl, int BlockSizeBytes, DateTimeOffset ExpiresAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DirectUploadRequest))]
[JsonSerializable(typeof(DirectUploadResponse))]
internal sealed partial class UploadsJsonContext : JsonSerializerContext;
