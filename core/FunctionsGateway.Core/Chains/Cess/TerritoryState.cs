namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>StorageHandler <c>TerritoryState</c> (spec/cess.md §1.4).</summary>
public enum TerritoryState
{
    Active = 0,
    Frozen = 1,
    Expired = 2,
    OnConsignment = 3,
}
