using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>What <c>eth_getTransactionReceipt</c> tells about a mined transaction.</summary>
public sealed record TransactionReceipt
{
    /// <summary>The transaction hash, <c>0x</c> + 64 hex digits.</summary>
    public required string TransactionHash { get; init; }

    /// <summary>The block it was mined in.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>That block's hash.</summary>
    public required string BlockHash { get; init; }

    /// <summary>The sender.</summary>
    public required EthereumAddress From { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>The created contract; null unless this was a contract creation.</summary>
    public EthereumAddress? ContractAddress { get; init; }

    /// <summary>True when execution succeeded (status 1), false when it reverted (status 0).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Gas used by this transaction.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>The price paid per gas, when the node reports it.</summary>
    public BigInteger? EffectiveGasPrice { get; init; }

    /// <summary>The EIP-2718 type.</summary>
    public byte Type { get; init; }

    /// <summary>The event logs.</summary>
    public IReadOnlyList<TransactionLog> Logs { get; init; } = [];
}
