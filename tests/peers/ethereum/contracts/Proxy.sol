// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IErc20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

/// @notice The DID-era Proxy (compat §2.7, inferred signatures), with StorePay and ReadPay folded in: their
/// addresses only enter the voucher hash of compat §2.6; the tokens stay here.
contract Proxy {
    struct PayInfo {
        uint256 nonce;
        uint256 balance;
        uint64 sizeByte;
        uint64 freeByte;
        uint64 expire;
    }

    IErc20 public immutable token;
    address public immutable storePay;
    address public immutable readPay;
    uint64 public spacePrice;
    uint64 public trafficPrice;

    mapping(address => PayInfo) private _space;
    mapping(address => PayInfo) private _traffic;

    constructor(IErc20 token_, address storePay_, address readPay_, uint64 spacePrice_, uint64 trafficPrice_) {
        token = token_;
        storePay = storePay_;
        readPay = readPay_;
        spacePrice = spacePrice_;
        trafficPrice = trafficPrice_;
    }

    function spacePayInfo(address user) external view returns (PayInfo memory) {
        return _space[user];
    }

    function trafficPayInfo(address user) external view returns (PayInfo memory) {
        return _traffic[user];
    }

    function buySpace(uint64 size, uint64 durationDay, address buyer) external {
        require(size > 0 && durationDay > 0, "Proxy: empty purchase");
        uint256 cost = uint256(spacePrice) * size * durationDay;
        require(token.transferFrom(buyer, address(this), cost), "Proxy: payment failed");
        PayInfo storage info = _space[buyer];
        info.balance += cost;
        info.sizeByte += size;
        info.expire = uint64(block.timestamp) + durationDay * 1 days;
    }

    function buyTraffic(uint64 size, address buyer) external {
        require(size > 0, "Proxy: empty purchase");
        uint256 cost = uint256(trafficPrice) * size;
        require(token.transferFrom(buyer, address(this), cost), "Proxy: payment failed");
        PayInfo storage info = _traffic[buyer];
        info.balance += cost;
        info.sizeByte += size;
    }

    /// @dev The seller (msg.sender) cashes a voucher the user signed over keccak256(storePay ‖ nonce ‖ size ‖ seller).
    function cashSpaceCheck(uint256 nonce, uint64 sizeByte, uint64 durationDay, bytes calldata sign) external {
        address user = _signer(storePay, nonce, sizeByte, sign);
        PayInfo storage info = _space[user];
        require(nonce == info.nonce, "Proxy: wrong nonce");
        require(sizeByte <= info.sizeByte, "Proxy: check exceeds space");
        uint256 amount = uint256(spacePrice) * sizeByte * durationDay;
        require(amount <= info.balance, "Proxy: balance too low");
        info.nonce += 1;
        info.sizeByte -= sizeByte;
        info.balance -= amount;
        require(token.transfer(msg.sender, amount), "Proxy: payout failed");
    }

    function cashTrafficCheck(uint256 nonce, uint64 sizeByte, bytes calldata sign) external {
        address user = _signer(readPay, nonce, sizeByte, sign);
        PayInfo storage info = _traffic[user];
        require(nonce == info.nonce, "Proxy: wrong nonce");
        require(sizeByte <= info.sizeByte, "Proxy: check exceeds traffic");
        uint256 amount = uint256(trafficPrice) * sizeByte;
        require(amount <= info.balance, "Proxy: balance too low");
        info.nonce += 1;
        info.sizeByte -= sizeByte;
        info.balance -= amount;
        require(token.transfer(msg.sender, amount), "Proxy: payout failed");
    }

    function _signer(address payAddr, uint256 nonce, uint64 sizeByte, bytes calldata sign) private view returns (address) {
        require(sign.length == 65, "Proxy: signature is 65 bytes");
        bytes32 hash = keccak256(abi.encodePacked(payAddr, nonce, sizeByte, msg.sender));
        bytes32 r = bytes32(sign[0:32]);
        bytes32 s = bytes32(sign[32:64]);
        uint8 v = uint8(sign[64]);
        if (v < 27) {
            v += 27;
        }
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0), "Proxy: bad signature");
        return signer;
    }
}
