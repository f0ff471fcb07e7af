using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>Settings of <see cref="CessChainClient"/>, section <c>Gateway:Cess:Chain</c>.</summary>
public sealed class CessChainOptions
{
    public const string SectionName = "Gateway:Cess:Chain";

    /// <summary>
    /// Blocks a transaction stays valid: a mortal era of this many blocks (rounded up to a power of two),
    /// or 0 for immortal as the Go SDK sends. Default 64; at most 2048 (CESS keeps 2400 block hashes).
    /// </summary>
    [Range(0, 2048, ErrorMessage = "Gateway:Cess:Chain:EraPeriod must be between 0 and 2048.")]
    public int EraPeriod { get; set; } = 64;

    /// <summary>How long to wait for a submitted transaction to be included (or finalized), in seconds. Default 120.</summary>
    [Range(1, 3600, ErrorMessage = "Gateway:Cess:Chain:InclusionTimeoutSeconds must be between 1 and 3600.")]
    public int InclusionTimeoutSeconds { get; set; } = 120;

    /// <summary>Wait for finalization rather than inclusion in a block. Default false (inclusion, as CESS-Gateway did).</summary>
    public bool WaitForFinalization { get; set; }

    /// <summary>The SS58 prefix of addresses this client returns and sends to the node. Default 11330 (CESS).</summary>
    [Range(0, 16383, ErrorMessage = "Gateway:Cess:Chain:Ss58Prefix must be between 0 and 16383.")]
    public int Ss58Prefix { get; set; } = 11330;
}
