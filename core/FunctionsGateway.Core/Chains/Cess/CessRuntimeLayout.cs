using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Metadata;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// The pallet and call indices, call arguments and storage hashers this client encodes (spec/cess.md
/// §1.2–§1.6, CESSProject/cess runtime <c>lib.rs</c>), and their check against a runtime's metadata.
/// </summary>
public static class CessRuntimeLayout
{
    public const byte SystemPallet = 0;
    public const byte FileBankPallet = 104;
    public const byte StorageHandlerPallet = 107;
    public const byte OssPallet = 108;

    /// <summary>The calls this client sends: pallet, call name, indices and argument names in order.</summary>
    public static IReadOnlyList<CessCallLayout> Calls { get; } =
    [
        new("System", SystemPallet, "remark", 0, ["remark"]),
        new("StorageHandler", StorageHandlerPallet, "mint_territory", 0, ["gib_count", "territory_name", "days"]),
        new("StorageHandler", StorageHandlerPallet, "expanding_territory", 1, ["territory_name", "gib_count"]),
        new("StorageHandler", StorageHandlerPallet, "renewal_territory", 2, ["territory_name", "days"]),
        new("Oss", OssPallet, "authorize", 0, ["operator"]),
        new("Oss", OssPallet, "cancel_authorize", 1, ["oss"]),
        new("FileBank", FileBankPallet, "delete_file", 6, ["owner", "file_hash"]),
    ];

    /// <summary>The storage items this client reads and the hashers of their keys.</summary>
    public static IReadOnlyList<(string Pallet, string Item, StorageHasher[] Hashers)> StorageItems { get; } =
    [
        ("StorageHandler", "Territory", [StorageHasher.Blake2_128Concat, StorageHasher.Blake2_128Concat]),
        ("FileBank", "File", [StorageHasher.Blake2_128Concat]),
        ("FileBank", "DealMap", [StorageHasher.Blake2_128Concat]),
        ("FileBank", "UserHoldFileList", [StorageHasher.Blake2_128Concat]),
        ("Oss", "AuthorityList", [StorageHasher.Blake2_128Concat]),
    ];

    /// <summary>
    /// Compares the layout with the runtime's metadata and returns every difference (empty when the runtime
    /// matches): a pallet at another index, a call missing, at another index or with other arguments, a
    /// storage item missing or hashed differently.
    /// </summary>
    public static IReadOnlyList<string> FindMismatches(RuntimeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var problems = new List<string>();
        foreach (var call in Calls)
        {
            var pallet = metadata.FindPallet(call.Pallet);
            if (pallet is null)
            {
                problems.Add($"pallet {call.Pallet} is missing");
                continue;
            }

            if (pallet.Index != call.PalletIndex)
            {
                problems.Add($"pallet {call.Pallet} has index {pallet.Index}, expected {call.PalletIndex}");
            }

            var variant = metadata.FindCall(call.Pallet, call.Call);
            if (variant is null)
            {
                problems.Add($"call {call.Pallet}.{call.Call} is missing");
                continue;
            }

            if (variant.Index != call.CallIndex)
            {
                problems.Add($"call {call.Pallet}.{call.Call} has index {variant.Index}, expected {call.CallIndex}");
            }

            var arguments = variant.Fields.Select(f => f.Name ?? "_").ToList();
            if (!arguments.SequenceEqual(call.Arguments))
            {
                problems.Add($"call {call.Pallet}.{call.Call} takes ({string.Join(", ", arguments)}), expected ({string.Join(", ", call.Arguments)})");
            }
        }

        foreach (var (palletName, item, hashers) in StorageItems)
        {
            var entry = metadata.FindStorage(palletName, item);
            if (entry is null)
            {
                problems.Add($"storage {palletName}.{item} is missing");
            }
            else if (!entry.Hashers.SequenceEqual(hashers))
            {
                problems.Add($"storage {palletName}.{item} is hashed with ({string.Join(", ", entry.Hashers)}), expected ({string.Join(", ", hashers)})");
            }
        }

        return problems;
    }

    /// <summary>
    /// Whether FileBank's <c>UserBrief</c> still has <c>bucket_name</c> (spec ≤ 125), read from the type of
    /// <c>DealMap</c>'s values (<c>DealInfo.user</c>).
    /// </summary>
    public static bool UserBriefHasBucketName(RuntimeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var deal = metadata.FindStorage("FileBank", "DealMap");
        if (deal is null)
        {
            return false;
        }

        var user = metadata.GetType(deal.ValueTypeId).Fields.FirstOrDefault(f => f.Name == "user");
        return user is not null && metadata.HasField(user.TypeId, "bucket_name");
    }
}
