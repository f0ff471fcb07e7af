namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>UserFileSliceInfo</c>: one entry of <c>UserHoldFileList</c>.</summary>
public sealed record UserFileSlice(string TerritoryName, string FileHash, UInt128 FileSize);
