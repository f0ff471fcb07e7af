using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>One event log of a receipt.</summary>
public sealed record TransactionLog(EthereumAddress Address, IReadOnlyList<ReadOnlyMemory<byte>> Topics, ReadOnlyMemory<byte> Data, ulong LogIndex);
