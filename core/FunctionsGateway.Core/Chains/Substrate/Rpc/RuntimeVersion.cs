namespace FunctionsGateway.Core.Chains.Substrate.Rpc;

/// <summary>The answer of <c>state_getRuntimeVersion</c> (sp-version <c>RuntimeVersion</c>), the parts a client needs.</summary>
public sealed record RuntimeVersion(string SpecName, string ImplName, uint SpecVersion, uint ImplVersion, uint TransactionVersion);
