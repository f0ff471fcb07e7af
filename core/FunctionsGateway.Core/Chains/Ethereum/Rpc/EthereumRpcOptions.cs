using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>Where and how <see cref="EthereumRpcClient"/> reaches an Ethereum JSON-RPC node (section <c>Gateway:Ethereum</c>).</summary>
public sealed class EthereumRpcOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Gateway:Ethereum";

    private const string TimeSpanRangeIsSourceGenerated = "Validated by the source-generated EthereumRpcOptionsValidator, not by reflection.";

    /// <summary>The node's HTTP endpoint, e.g. <c>https://chain.metamemo.one:8501</c> (MEMO's default, compat §2.4). Required.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>How long one try of one request may take. Default 30 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a request that got no answer (connection failure, timeout, HTTP 429/502/503/504) is retried.
    /// <c>eth_sendRawTransaction</c> is never retried. Default 3.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially. Default 0.2 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.2);

    /// <summary>How often <see cref="EthereumRpcClient.WaitForReceiptAsync"/> asks for the receipt. Default 1 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TimeSpanRangeIsSourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
