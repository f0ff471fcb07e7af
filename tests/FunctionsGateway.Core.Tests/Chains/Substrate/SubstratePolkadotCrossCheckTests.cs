using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Scale;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Chains.Substrate;

/// <summary>
/// SS58, hashes, storage keys and SCALE against @polkadot/util-crypto 14.0.3 and @polkadot/types 16.5.6
/// (<c>encodeAddress</c>, <c>xxhashAsHex</c>, <c>blake2AsHex</c>, <c>TypeRegistry.createType(...).toU8a()</c>).
/// </summary>
public sealed class SubstratePolkadotCrossCheckTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Reference = new(() => PolkadotReference.RunAsync(Cases()));

    /// <summary>SCALE cases: a polkadot type name, its JSON value, and our encoding.</summary>
    private static readonly (string Id, string Type, JsonNode Value, byte[] Ours)[] Scale =
    [
        ("u8", "u8", 69, new ScaleWriter().WriteU8(69).ToArray()),
        ("u32", "u32", 16777215, new ScaleWriter().WriteU32(16777215).ToArray()),
        ("u64", "u64", "18446744073709551615", new ScaleWriter().WriteU64(ulong.MaxValue).ToArray()),
        ("u128", "u128", "340282366920938463463374607431768211455", new ScaleWriter().WriteU128(UInt128.MaxValue).ToArray()),
        ("i64", "i64", -5, new ScaleWriter().WriteI64(-5).ToArray()),
        ("bool", "bool", true, new ScaleWriter().WriteBool(true).ToArray()),
        ("compact-small", "Compact<u32>", 63, new ScaleWriter().WriteCompact(63).ToArray()),
        ("compact-two", "Compact<u32>", 16383, new ScaleWriter().WriteCompact(16383).ToArray()),
        ("compact-four", "Compact<u32>", 1073741823, new ScaleWriter().WriteCompact(1073741823).ToArray()),
        ("compact-big", "Compact<u128>", "340282366920938463463374607431768211455", new ScaleWriter().WriteCompact(UInt128.MaxValue).ToArray()),
        ("compact-balance", "Compact<u128>", "5000000000000000000", new ScaleWriter().WriteCompact(BigInteger.Parse("5000000000000000000", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
        ("bytes", "Bytes", "0x68656c6c6f", new ScaleWriter().WriteBytes("hello"u8).ToArray()),
        ("text", "Text", "territory-é", new ScaleWriter().WriteString("territory-é").ToArray()),
        ("vec-u16", "Vec<u16>", new JsonArray(4, 8, 15, 16, 23, 42), new ScaleWriter().WriteVec(new ushort[] { 4, 8, 15, 16, 23, 42 }, (w, v) => w.WriteU16(v)).ToArray()),
        ("option-some", "Option<u32>", 7, new ScaleWriter().WriteOption<uint?>(7, (w, v) => w.WriteU32(v!.Value)).ToArray()),
        ("option-none", "Option<u32>", null!, new ScaleWriter().WriteOption<uint?>(null, (w, v) => w.WriteU32(v!.Value)).ToArray()),
        ("result-err", "Result<u8, bool>", new JsonObject { ["Err"] = false }, new ScaleWriter().WriteVariant(1).WriteBool(false).ToArray()),
        ("tuple", "(u32, bool, Text)", new JsonArray(5, true, "hi"), new ScaleWriter().WriteU32(5).WriteBool(true).WriteString("hi").ToArray()),
        ("fixed", "[u8; 4]", "0x01020304", new ScaleWriter().WriteRaw([1, 2, 3, 4]).ToArray()),
        ("h256", "H256", "0x" + new string('4', 64), new ScaleWriter().WriteRaw(Enumerable.Repeat((byte)0x44, 32).ToArray()).ToArray()),
    ];

    public static TheoryData<string> ScaleIds => new(Scale.Select(s => s.Id));

    public static TheoryData<int> AccountIndices => new(Enumerable.Range(0, 5));

    public static TheoryData<int> DataLengths => new(0, 1, 3, 4, 7, 8, 31, 32, 33, 64, 100, 257);

    [Theory]
    [MemberData(nameof(ScaleIds))]
    public async Task ScaleWriter_Value_MatchesPolkadotTypes(string id)
    {
        var results = await Reference.Value;
        var ours = Scale.Single(s => s.Id == id).Ours;
        Assert.Equal(results["scale-" + id].GetString(), "0x" + Convert.ToHexStringLower(ours));
    }

    [Theory]
    [MemberData(nameof(AccountIndices))]
    public async Task Ss58Address_Account_MatchesPolkadot(int index)
    {
        var results = await Reference.Value;
        foreach (var prefix in new ushort[] { 0, 42, 63, 64, 11330, 16383 })
        {
            var address = Ss58Address.Encode(Account(index), prefix);
            Assert.Equal(results[$"ss58-{index}-{prefix}"].GetString(), address);
            var decoded = Ss58Address.TryDecode(address)!.Value;
            Assert.Equal(prefix, decoded.Prefix);
            Assert.Equal(Account(index), decoded.AccountId);
        }
    }

    [Theory]
    [MemberData(nameof(DataLengths))]
    public async Task Hashes_Data_MatchPolkadot(int length)
    {
        var results = await Reference.Value;
        var data = Data(length);
        Assert.Equal(results[$"twox64-{length}"].GetString(), Hex(StorageHashing.Twox64(data)));
        Assert.Equal(results[$"twox128-{length}"].GetString(), Hex(StorageHashing.Twox128(data)));
        Assert.Equal(results[$"twox256-{length}"].GetString(), Hex(StorageHashing.Twox256(data)));
        Assert.Equal(results[$"blake128-{length}"].GetString(), Hex(Blake2b.Hash128(data)));
        Assert.Equal(results[$"blake256-{length}"].GetString(), Hex(Blake2b.Hash256(data)));
    }

    [Theory]
    [MemberData(nameof(AccountIndices))]
    public async Task StorageKey_MapAndDoubleMap_MatchPolkadot(int index)
    {
        var results = await Reference.Value;
        Assert.Equal(results[$"key-account-{index}"].GetString(), Hex(StorageKey.Build("System", "Account", (StorageHasher.Blake2_128Concat, Account(index)))));
        Assert.Equal(results[$"key-territory-{index}"].GetString(), Hex(StorageKey.Build("StorageHandler", "Territory",
            (StorageHasher.Blake2_128Concat, Account(index)), (StorageHasher.Blake2_128Concat, TerritoryName(index)))));
        Assert.Equal(results[$"key-blockhash-{index}"].GetString(), Hex(StorageKey.Build("System", "BlockHash",
            (StorageHasher.Twox64Concat, new ScaleWriter().WriteU32((uint)index * 1000).ToArray()))));
    }

    private static byte[] Account(int index)
    {
        var account = new byte[32];
        new Random(3000 + index).NextBytes(account);
        return account;
    }

    private static byte[] TerritoryName(int index) => new ScaleWriter().WriteString($"territory-{index}").ToArray();

    private static byte[] Data(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 31) + length)).ToArray();

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static IEnumerable<JsonObject> Cases()
    {
        foreach (var (id, type, value, _) in Scale)
        {
            yield return new JsonObject { ["id"] = "scale-" + id, ["op"] = "scale", ["type"] = type, ["value"] = value?.DeepClone() };
        }

        for (var i = 0; i < 5; i++)
        {
            foreach (var prefix in new[] { 0, 42, 63, 64, 11330, 16383 })
            {
                yield return new JsonObject { ["id"] = $"ss58-{i}-{prefix}", ["op"] = "ss58Encode", ["publicKey"] = Hex(Account(i)), ["prefix"] = prefix };
            }

            yield return StorageKeyCase($"key-account-{i}", "System", "Account", ("Blake2_128Concat", Account(i)));
            yield return StorageKeyCase($"key-territory-{i}", "StorageHandler", "Territory", ("Blake2_128Concat", Account(i)), ("Blake2_128Concat", TerritoryName(i)));
            yield return StorageKeyCase($"key-blockhash-{i}", "System", "BlockHash", ("Twox64Concat", new ScaleWriter().WriteU32((uint)i * 1000).ToArray()));
        }

        foreach (var length in new[] { 0, 1, 3, 4, 7, 8, 31, 32, 33, 64, 100, 257 })
        {
            var data = Hex(Data(length));
            yield return new JsonObject { ["id"] = $"twox64-{length}", ["op"] = "xxhash", ["data"] = data, ["bits"] = 64 };
            yield return new JsonObject { ["id"] = $"twox128-{length}", ["op"] = "xxhash", ["data"] = data, ["bits"] = 128 };
            yield return new JsonObject { ["id"] = $"twox256-{length}", ["op"] = "xxhash", ["data"] = data, ["bits"] = 256 };
            yield return new JsonObject { ["id"] = $"blake128-{length}", ["op"] = "blake2", ["data"] = data, ["bits"] = 128 };
            yield return new JsonObject { ["id"] = $"blake256-{length}", ["op"] = "blake2", ["data"] = data, ["bits"] = 256 };
        }
    }

    private static JsonObject StorageKeyCase(string id, string pallet, string item, params (string Hasher, byte[] Data)[] keys) => new()
    {
        ["id"] = id,
        ["op"] = "storageKey",
        ["pallet"] = pallet,
        ["item"] = item,
        ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["hasher"] = k.Hasher, ["data"] = Hex(k.Data) })]),
    };
}
