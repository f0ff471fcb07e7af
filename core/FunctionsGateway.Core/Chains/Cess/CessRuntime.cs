using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Chains.Substrate.Metadata;
using FunctionsGateway.Core.Chains.Substrate.Rpc;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// What the client learned about the connected runtime at start-up (and again after a runtime upgrade):
/// its version, genesis hash, metadata, transaction-extension layout and value shapes, verified against
/// <see cref="CessRuntimeLayout"/>.
/// </summary>
public sealed record CessRuntime(
    RuntimeVersion Version,
    ReadOnlyMemory<byte> GenesisHash,
    RuntimeMetadata Metadata,
    TransactionExtensionLayout Extensions,
    CessValueDecoder Values);
