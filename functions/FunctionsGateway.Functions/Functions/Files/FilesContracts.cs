using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Functions.Functions.Files;

/// <summary>A file as the files API shows it.</summary>
internal sealed record FileResponse(string Id, string Name, long Size, string? Sha256, string State, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cid)
{
    public static FileResponse From(FileRecord r) => new(r.Id, r.Name, r.Size, r.Sha256, StateName(r.State), r.Cid);

    public static string StateName(FileState state) => state.ToString().ToLowerInvariant();
}

/// <summary><c>GET /v1/files</c>: a page and the token for the next (absent at the end).</summary>
internal sealed record FileListResponse(
    IReadOnlyList<FileListItem> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Continuation);

internal sealed record FileListItem(string Id, string Name, long Size, string? Sha256, string State, DateTimeOffset CreatedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cid);

/// <summary><c>GET /v1/files/{id}/status</c>.</summary>
internal sealed record FileStatusResponse(
    string Id,
    string Name,
    long Size,
    string? Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cid,
    string State,
    string Backend,
    int Attempts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static FileStatusResponse From(FileRecord r) =>
        new(r.Id, r.Name, r.Size, r.Sha256, r.Cid, FileResponse.StateName(r.State), r.Backend, r.Attempts, r.LastError, r.CreatedAt, r.UpdatedAt);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FileResponse))]
[JsonSerializable(typeof(FileListResponse))]
[JsonSerializable(typeof(FileStatusResponse))]
internal sealed partial class FilesJsonContext : JsonSerializerContext;
