namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>A block from <c>chain_getBlock</c>: its header and its encoded extrinsics (each with its length prefix).</summary>
public sealed record SignedBlock(BlockHeader Header, IReadOnlyList<byte[]> Extrinsics);
