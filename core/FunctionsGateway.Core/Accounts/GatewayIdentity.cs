namespace FunctionsGateway.Core.Accounts;

/// <summary>
/// Someone who owns files and credentials. <see cref="Handles"/> are scheme-specific names for the same
/// identity (an e-mail for CESS, an address for MEMO, …), each unique per scheme.
/// </summary>
public sealed record GatewayIdentity(string Id, string Name, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Handles);
