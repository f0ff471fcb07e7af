// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice A minimal stand-in for the memo DID registry (compat §2.5): did:memo:<64 hex> → master key and
/// authentication keys (SEC 1 secp256k1 public keys, compressed or not), which the gateway turns into addresses.
contract MemoDidRegistry {
    struct Document {
        address controller;
        bytes masterKey;
        bytes[] authentication;
    }

    mapping(string => Document) private _documents;

    function register(string calldata did, bytes calldata masterKey, bytes[] calldata authentication) external {
        require(bytes(did).length == 73, "MemoDidRegistry: did is did:memo:<64 hex>");
        Document storage doc = _documents[did];
        require(doc.controller == address(0) || doc.controller == msg.sender, "MemoDidRegistry: not the controller");
        doc.controller = msg.sender;
        doc.masterKey = masterKey;
        delete doc.authentication;
        for (uint256 i = 0; i < authentication.length; i++) {
            doc.authentication.push(authentication[i]);
        }
    }

    function getMasterKey(string calldata did) external view returns (bytes memory) {
        return _documents[did].masterKey;
    }

    function getAuthentication(string calldata did) external view returns (bytes[] memory) {
        return _documents[did].authentication;
    }
}
