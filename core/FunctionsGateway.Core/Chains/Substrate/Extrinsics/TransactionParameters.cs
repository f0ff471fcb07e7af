namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>
/// What a signed extrinsic commits to besides its call: the runtime's versions and genesis hash, the
/// era and the hash of its birth block, the sender's nonce and the tip.
/// </summary>
public readonly record struct TransactionParameters(
    uint SpecVersion,
    uint TransactionVersion,
    ReadOnlyMemory<byte> GenesisHash,
    ExtrinsicEra Era,
    ReadOnlyMemory<byte> EraBlockHash,
    uint Nonce,
    UInt128 Tip);
