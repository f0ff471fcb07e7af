namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>One inner response of a <c>$batch</c>: its status, its <c>ETag</c> header and its body.</summary>
internal sealed record TableBatchPartResponse(int Status, string? ETag, string Body);
