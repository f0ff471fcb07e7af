namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>FragmentInfo</c>: a fragment's hash, whether it is available, its tag and the miner holding it.</summary>
public sealed record FragmentInfo(string Hash, bool Available, uint? Tag, string Miner);
