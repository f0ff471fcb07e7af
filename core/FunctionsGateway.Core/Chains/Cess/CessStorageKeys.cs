using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>Storage keys of the CESS items the gateway reads (spec/cess.md §4.2; all <c>Blake2_128Concat</c>).</summary>
public static class CessStorageKeys
{
    /// <summary><c>StorageHandler.Territory(owner, name)</c>; the name is hashed in its SCALE form (compact length ‖ bytes).</summary>
    public static byte[] Territory(ReadOnlySpan<byte> owner, string territoryName) =>
        StorageKey.Build("StorageHandler", "Territory",
            (StorageHasher.Blake2_128Concat, owner.ToArray()),
            (StorageHasher.Blake2_128Concat, new ScaleWriter().WriteBytes(CessCalls.TerritoryName(territoryName)).ToArray()));

    /// <summary>The prefix of all territories of <paramref name="owner"/> (for <c>state_getKeysPaged</c>).</summary>
    public static byte[] TerritoriesOf(ReadOnlySpan<byte> owner) =>
        StorageKey.Build("StorageHandler", "Territory", (StorageHasher.Blake2_128Concat, owner.ToArray()));

    public static byte[] File(string fileHash) =>
        StorageKey.Build("FileBank", "File", (StorageHasher.Blake2_128Concat, CessValueDecoder.EncodeFileHash(fileHash)));

    public static byte[] DealMap(string fileHash) =>
        StorageKey.Build("FileBank", "DealMap", (StorageHasher.Blake2_128Concat, CessValueDecoder.EncodeFileHash(fileHash)));

    public static byte[] UserHoldFileList(ReadOnlySpan<byte> owner) =>
        StorageKey.Build("FileBank", "UserHoldFileList", (StorageHasher.Blake2_128Concat, owner.ToArray()));

    public static byte[] AuthorityList(ReadOnlySpan<byte> owner) =>
        StorageKey.Build("Oss", "AuthorityList", (StorageHasher.Blake2_128Concat, owner.ToArray()));

    /// <summary><c>System.Account(account)</c> (nonce and balances).</summary>
    public static byte[] SystemAccount(ReadOnlySpan<byte> account) =>
        StorageKey.Build("System", "Account", (StorageHasher.Blake2_128Concat, account.ToArray()));
}
