// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The SIWE-era package contract behind /account (compat §2.4): package list, purchases, per-kind sizes.
contract PackageStore {
    struct PkgInfo {
        uint64 time;
        uint8 kind;
        uint256 buysize;
        uint256 amount;
        uint8 state;
    }

    struct BuyPkg {
        uint64 starttime;
        uint64 endtime;
        uint8 kind;
        uint256 buysize;
        uint256 amount;
        uint8 state;
    }

    struct Usage {
        uint256 buysize;
        uint256 used;
        uint64 files;
    }

    address public immutable owner;
    PkgInfo[] private _pkgInfos;
    mapping(address => BuyPkg[]) private _buyPkgs;
    mapping(address => mapping(uint8 => Usage)) private _usage;

    constructor() {
        owner = msg.sender;
        _pkgInfos.push(PkgInfo(30 days, 0, 1 << 30, 1 ether, 1));
        _pkgInfos.push(PkgInfo(365 days, 1, 100 << 30, 10 ether, 1));
    }

    function storeGetPkgInfos() external view returns (PkgInfo[] memory) {
        return _pkgInfos;
    }

    function storeBuyPkg(address to, uint64 pkgId, uint256 amount, uint64 starttime, string calldata chainId) external {
        require(msg.sender == owner, "PackageStore: only owner");
        require(pkgId < _pkgInfos.length, "PackageStore: no such package");
        PkgInfo memory info = _pkgInfos[pkgId];
        require(amount >= info.amount, "PackageStore: amount too low");
        require(bytes(chainId).length > 0, "PackageStore: chain id required");
        _buyPkgs[to].push(BuyPkg(starttime, starttime + info.time, info.kind, info.buysize, amount, 1));
        _usage[to][info.kind].buysize += info.buysize;
    }

    function storeGetBuyPkgs(address owner_) external view returns (BuyPkg[] memory) {
        return _buyPkgs[owner_];
    }

    function getPkgSize(address owner_, uint8 kind) external view returns (uint256, uint256, uint256, uint64) {
        Usage memory u = _usage[owner_][kind];
        return (u.buysize, u.buysize - u.used, u.used, u.files);
    }

    function recordUsage(address owner_, uint8 kind, uint256 size) external {
        require(msg.sender == owner, "PackageStore: only owner");
        Usage storage u = _usage[owner_][kind];
        require(u.used + size <= u.buysize, "PackageStore: space exhausted");
        u.used += size;
        u.files += 1;
    }
}
