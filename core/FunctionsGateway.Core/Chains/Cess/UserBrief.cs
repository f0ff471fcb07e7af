namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// FileBank <c>UserBrief</c>: the owner, file name and territory of a stored file. Runtimes up to
/// spec 125 (including CESS's testnet genesis) also carry <see cref="BucketName"/> (spec/cess.md §1.5).
/// </summary>
public sealed record UserBrief(string Owner, string FileName, string? BucketName, string TerritoryName);
