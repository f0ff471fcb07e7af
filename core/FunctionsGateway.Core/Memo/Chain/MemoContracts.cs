using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Memo.Chain;

/// <summary>
/// The contract functions MEMO calls, as compat §2.4 (SIWE era, <c>contract/method.go@39c1c98</c>) and §2.7
/// (DID era, <c>Proxy.sol</c>, inferred) give them; the selectors are checked against compat's in the tests.
/// </summary>
internal static class MemoContracts
{
    // ERC-20 (compat §2.4 balanceOf 0x70a08231; §2.5 /approve, /allowance).
    public static readonly AbiFunction BalanceOf = AbiFunction.Parse("balanceOf(address) view returns (uint256)");
    public static readonly AbiFunction Approve = AbiFunction.Parse("approve(address spender, uint256 amount) returns (bool)");
    public static readonly AbiFunction Allowance = AbiFunction.Parse("allowance(address owner, address spender) view returns (uint256)");

    // The SIWE-era package store (compat §2.4).
    public static readonly AbiFunction StoreBuyPkg = AbiFunction.Parse("storeBuyPkg(address to, uint64 pkgId, uint256 amount, uint64 starttime, string chainId)");
    public static readonly AbiFunction StoreGetBuyPkgs = AbiFunction.Parse(
        "storeGetBuyPkgs(address) view returns ((uint64 starttime, uint64 endtime, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[])");
    public static readonly AbiFunction StoreGetPkgInfos = AbiFunction.Parse(
        "storeGetPkgInfos() view returns ((uint64 time, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[])");
    public static readonly AbiFunction GetPkgSize = AbiFunction.Parse("getPkgSize(address, uint8 kind) view returns (uint256, uint256, uint256, uint64)");

    // The DID-era Proxy (compat §2.7; the pay-info tuple order is inferred).
    public static readonly AbiFunction SpacePayInfo = AbiFunction.Parse(
        "spacePayInfo(address) view returns ((uint256 nonce, uint256 balance, uint64 sizeByte, uint64 freeByte, uint64 expire))");
    public static readonly AbiFunction TrafficPayInfo = AbiFunction.Parse(
        "trafficPayInfo(address) view returns ((uint256 nonce, uint256 balance, uint64 sizeByte, uint64 freeByte, uint64 expire))");
    public static readonly AbiFunction BuySpace = AbiFunction.Parse("buySpace(uint64 size, uint64 durationDay, address buyer)");
    public static readonly AbiFunction BuyTraffic = AbiFunction.Parse("buyTraffic(uint64 size, address buyer)");
    public static readonly AbiFunction CashSpaceCheck = AbiFunction.Parse("cashSpaceCheck(uint256 nonce, uint64 sizeByte, uint64 durationDay, bytes sign)");
    public static readonly AbiFunction CashTrafficCheck = AbiFunction.Parse("cashTrafficCheck(uint256 nonce, uint64 sizeByte, bytes sign)");

    // The memo DID registry (compat §2.5 resolver.Dereference(did#authentication), resolver.GetMasterKey(did)).
    public static readonly AbiFunction GetAuthentication = AbiFunction.Parse("getAuthentication(string did) view returns (bytes[])");
    public static readonly AbiFunction GetMasterKey = AbiFunction.Parse("getMasterKey(string did) view returns (bytes)");

    /// <summary><c>api.DurationDay</c>: the days <c>/buyspace</c> buys and <c>/cashspace</c> cashes (compat §2.5).</summary>
    public const ulong DurationDay = 1;
}
