using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>The transaction-call object of <c>eth_call</c> and <c>eth_estimateGas</c>; unset fields are left out.</summary>
public sealed record EthereumCallRequest
{
    /// <summary>The sender to simulate.</summary>
    public EthereumAddress? From { get; init; }

    /// <summary>The contract or account called; null to simulate a contract creation.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>The gas limit.</summary>
    public ulong? Gas { get; init; }

    /// <summary>Legacy gas price.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Call data (selector and arguments) or init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }
}
