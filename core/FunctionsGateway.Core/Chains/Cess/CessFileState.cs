namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>FileBank <c>FileState</c> (spec/cess.md §1.5).</summary>
public enum CessFileState
{
    Active = 0,
    Calculate = 1,
    Missing = 2,
    Recovery = 3,
}
