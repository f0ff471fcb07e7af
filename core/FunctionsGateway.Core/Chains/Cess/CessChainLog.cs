using Microsoft.Extensions.Logging;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>The CESS chain client's log messages.</summary>
internal static partial class CessChainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Chain}: runtime {SpecName} spec {SpecVersion}, transaction version {TransactionVersion}")]
    public static partial void RuntimeLoaded(ILogger logger, string chain, string specName, uint specVersion, uint transactionVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted {TransactionHash} from {Account}")]
    public static partial void Submitted(ILogger logger, string transactionHash, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "{TransactionHash} included in block {BlockNumber}: {Result}")]
    public static partial void Included(ILogger logger, string transactionHash, uint blockNumber, string result);
}
