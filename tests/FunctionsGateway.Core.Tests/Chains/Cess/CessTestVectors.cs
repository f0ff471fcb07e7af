namespace FunctionsGateway.Core.Tests.Chains.Cess;

/// <summary>CESS vectors from spec/cess.md (each verified there against the spec-100 runtime).</summary>
public static class CessTestVectors
{
    /// <summary>§4.3: <c>Oss.authorize(ed25519 pub of 0x02×32)</c> signed by ed25519 seed 0x03×32, immortal, nonce 0.</summary>
    public const string AuthorizeExtrinsic =
        "21028400ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100a8771dbcbfa0135f2ac7faa2ec1306dc1c642a68614d71f41074d0db91664b2556649bd2e667e4db11531993efd8c909503b01aaaffcf1f87763789a6d5209010000006c008139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394";

    public const string AuthorizeTransactionHash = "0x5e4be68100b78de1f584c19869349e3bd7f63fbae28b7f9ab3f0c9bbc9cd28a1";

    /// <summary>§4.3: the unsigned payload of that extrinsic (call ‖ extra ‖ spec ‖ tx ‖ genesis ‖ era hash).</summary>
    public const string AuthorizePayload =
        "6c008139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394000000640000000100000045454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545454545";

    /// <summary>§4.3 call encodings.</summary>
    public const string MintTerritoryCall = "6b000a0000001474657272311e000000";

    public const string RemarkCall = "00002868656c6c6f2063657373";

    /// <summary>§2.2: the fid and segment hash of the 5-byte content "hello".</summary>
    public const string HelloFid = "c1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774c2";

    public const string HelloSegmentHash = "edaadc8d26c6d18a9d7b3fd557c81ebef5ab9f42a036d29b33763153b24723ea";

    /// <summary>
    /// FileBank's error for <c>delete_file</c> of a file that is not in <c>File</c> (observed on the spec-100
    /// runtime; CESSProject/cess <c>pallets/file-bank</c> <c>Error::NonExistent</c>).
    /// </summary>
    public const string DeleteMissingFileError = "NonExistent";
}
