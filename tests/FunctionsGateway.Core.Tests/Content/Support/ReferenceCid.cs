namespace FunctionsGateway.Core.Tests.Content.Support;

/// <summary>A reference implementation's answer: the binary root CID, its text as printed, and the DAG size when known.</summary>
internal sealed record ReferenceCid(byte[] Bytes, string Text, ulong? DagSize);
