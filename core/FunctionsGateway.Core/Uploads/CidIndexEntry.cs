namespace FunctionsGateway.Core.Uploads;

/// <summary>A file that has a given root CID, and whether anyone may read it by that CID.</summary>
public sealed record CidIndexEntry(string OwnerId, string FileId, bool Public);
