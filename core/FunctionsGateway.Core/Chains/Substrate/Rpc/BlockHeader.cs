namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>A block header from <c>chain_getHeader</c>; hashes are <c>0x</c> hex as the node sends them.</summary>
public sealed record BlockHeader(string ParentHash, uint Number, string StateRoot, string ExtrinsicsRoot);
