namespace FunctionsGateway.Core.Chains.Substrate.Scale;

/// <summary>A decoded SCALE <c>Result&lt;TOk, TErr&gt;</c>: <see cref="Value"/> when <see cref="IsOk"/>, else <see cref="Error"/>.</summary>
public readonly record struct ScaleResult<TOk, TErr>(bool IsOk, TOk? Value, TErr? Error);
