using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>Settings of <see cref="SubstrateRpcClient"/>, section <c>Gateway:Cess:Rpc</c>.</summary>
public sealed class SubstrateRpcOptions
{
    public const string SectionName = "Gateway:Cess:Rpc";

    /// <summary>The node's WebSocket JSON-RPC endpoint, e.g. <c>wss://testnet-rpc.cess.network/ws/</c>. Required.</summary>
    [Required(ErrorMessage = "Gateway:Cess:Rpc:Endpoint is required.")]
    [RegularExpression("^wss?://.+", ErrorMessage = "Gateway:Cess:Rpc:Endpoint must be a ws:// or wss:// URL.")]
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>How long one request may wait for its answer, in seconds. Default 30.</summary>
    [Range(1, 600, ErrorMessage = "Gateway:Cess:Rpc:RequestTimeoutSeconds must be between 1 and 600.")]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long opening the WebSocket may take, in seconds. Default 10.</summary>
    [Range(1, 300, ErrorMessage = "Gateway:Cess:Rpc:ConnectTimeoutSeconds must be between 1 and 300.")]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How often a read (never a submission) is retried after the connection failed or dropped; each try
    /// reconnects. Default 2.
    /// </summary>
    [Range(0, 10, ErrorMessage = "Gateway:Cess:Rpc:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The delay before the first retry in milliseconds; it doubles per retry. Default 500.</summary>
    [Range(0, 60_000, ErrorMessage = "Gateway:Cess:Rpc:RetryDelayMilliseconds must be between 0 and 60000.")]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The largest message accepted from the node. Default 64 MiB (metadata alone is ~0.7 MB of hex).</summary>
    [Range(1024 * 1024, 1024 * 1024 * 1024, ErrorMessage = "Gateway:Cess:Rpc:MaxMessageBytes must be between 1 MiB and 1 GiB.")]
    public int MaxMessageBytes { get; set; } = 64 * 1024 * 1024;
}
