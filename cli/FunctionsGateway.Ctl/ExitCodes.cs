namespace FunctionsGateway.Ctl;

/// <summary>gatewayctl's exit codes, for scripts (README "gatewayctl").</summary>
internal static class ExitCodes
{
    /// <summary>The gateway did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong, or the gateway refused the request (a 4xx: bad input, unknown id, no key).</summary>
    public const int Refused = 1;

    /// <summary>The gateway could not be reached or failed (a 5xx, a timeout): trying again later may succeed.</summary>
    public const int Unavailable = 2;
}
