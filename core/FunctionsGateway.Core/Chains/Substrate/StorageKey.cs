using System.Text;

namespace FunctionsGateway.Core.Chains.Substrate;

/// <summary>
/// Builds FRAME storage keys: <c>twox128(pallet) ‖ twox128(item) ‖ hasher₁(SCALE(key₁)) ‖ …</c>
/// (frame-support <c>storage::types</c>; spec/cess.md §4.2).
/// </summary>
public static class StorageKey
{
    /// <summary>The 32-byte prefix of a storage item: also the whole key of a plain value.</summary>
    public static byte[] Prefix(string pallet, string item) =>
        [.. StorageHashing.Twox128(Encoding.UTF8.GetBytes(pallet)), .. StorageHashing.Twox128(Encoding.UTF8.GetBytes(item))];

    /// <summary>The key of one entry of a map (one key) or an n-map (several keys, each with its hasher).</summary>
    public static byte[] Build(string pallet, string item, params ReadOnlySpan<(StorageHasher Hasher, byte[] EncodedKey)> keys)
    {
        var key = new List<byte>(Prefix(pallet, item));
        foreach (var (hasher, encoded) in keys)
        {
            key.AddRange(StorageHashing.Hash(hasher, encoded));
        }

        return [.. key];
    }
}
