using System.Text;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// Encodes the CESS calls the gateway sends (spec/cess.md §1.4–§1.6, §4.3 examples). Territory names
/// are <c>BoundedVec&lt;u8, 63&gt;</c>; file hashes are 64 ASCII bytes; accounts are 32 raw bytes.
/// </summary>
public static class CessCalls
{
    /// <summary>The longest territory name (<c>TerrName = BoundedVec&lt;u8, ConstU32&lt;63&gt;&gt;</c>).</summary>
    public const int MaxTerritoryNameLength = 63;

    public static byte[] Remark(ReadOnlySpan<byte> remark)
    {
        var bytes = remark.ToArray();
        return CallEncoder.Encode(CessRuntimeLayout.SystemPallet, 0, w => w.WriteBytes(bytes));
    }

    /// <summary><c>StorageHandler.mint_territory(gib_count, territory_name, days)</c>; the chain requires days ≥ 30.</summary>
    public static byte[] MintTerritory(uint gibCount, string territoryName, uint days)
    {
        var name = TerritoryName(territoryName);
        return CallEncoder.Encode(CessRuntimeLayout.StorageHandlerPallet, 0, w => w.WriteU32(gibCount).WriteBytes(name).WriteU32(days));
    }

    /// <summary><c>StorageHandler.expanding_territory(territory_name, gib_count)</c>.</summary>
    public static byte[] ExpandTerritory(string territoryName, uint gibCount)
    {
        var name = TerritoryName(territoryName);
        return CallEncoder.Encode(CessRuntimeLayout.StorageHandlerPallet, 1, w => w.WriteBytes(name).WriteU32(gibCount));
    }

    /// <summary><c>StorageHandler.renewal_territory(territory_name, days)</c>.</summary>
    public static byte[] RenewTerritory(string territoryName, uint days)
    {
        var name = TerritoryName(territoryName);
        return CallEncoder.Encode(CessRuntimeLayout.StorageHandlerPallet, 2, w => w.WriteBytes(name).WriteU32(days));
    }

    /// <summary><c>Oss.authorize(operator)</c>: signed by the user, lets the operator act for them.</summary>
    public static byte[] Authorize(ReadOnlySpan<byte> operatorAccount)
    {
        var account = AccountId(operatorAccount);
        return CallEncoder.Encode(CessRuntimeLayout.OssPallet, 0, w => w.WriteRaw(account));
    }

    /// <summary><c>Oss.cancel_authorize(oss)</c>.</summary>
    public static byte[] CancelAuthorize(ReadOnlySpan<byte> operatorAccount)
    {
        var account = AccountId(operatorAccount);
        return CallEncoder.Encode(CessRuntimeLayout.OssPallet, 1, w => w.WriteRaw(account));
    }

    /// <summary><c>FileBank.delete_file(owner, file_hash)</c>: by the owner or an operator it authorized.</summary>
    public static byte[] DeleteFile(ReadOnlySpan<byte> ownerAccount, string fileHash)
    {
        var owner = AccountId(ownerAccount);
        var hash = CessValueDecoder.EncodeFileHash(fileHash);
        return CallEncoder.Encode(CessRuntimeLayout.FileBankPallet, 6, w => w.WriteRaw(owner).WriteRaw(hash));
    }

    /// <summary>The UTF-8 bytes of a territory name; throws <see cref="ArgumentException"/> when empty or longer than 63 bytes.</summary>
    public static byte[] TerritoryName(string territoryName)
    {
        ArgumentException.ThrowIfNullOrEmpty(territoryName);
        var bytes = Encoding.UTF8.GetBytes(territoryName);
        return bytes.Length <= MaxTerritoryNameLength
            ? bytes
            : throw new ArgumentException($"A territory name is at most {MaxTerritoryNameLength} bytes.", nameof(territoryName));
    }

    private static byte[] AccountId(ReadOnlySpan<byte> account) =>
        account.Length == 32 ? account.ToArray() : throw new ArgumentException("An account id is 32 bytes.", nameof(account));
}
