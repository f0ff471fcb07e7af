using System.Numerics;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>
/// The answer of <c>eth_feeHistory</c>: base fees of the requested blocks plus the next one, how full each
/// block was, and the requested priority-fee percentiles per block.
/// </summary>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Reward);
