namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>One call this client encodes: where it sits in the runtime and the names of its arguments.</summary>
public sealed record CessCallLayout(string Pallet, byte PalletIndex, string Call, byte CallIndex, IReadOnlyList<string> Arguments);
