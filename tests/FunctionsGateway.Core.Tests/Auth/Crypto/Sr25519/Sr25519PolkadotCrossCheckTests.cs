using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

/// <summary>
/// sr25519 against @polkadot/util-crypto 14.0.3 (<c>sr25519PairFromSeed</c>, <c>sr25519Sign</c>,
/// <c>sr25519Verify</c>; schnorrkel compiled to wasm): one node process for the whole batch.
/// </summary>
public sealed class Sr25519PolkadotCrossCheckTests
{
    private const int Keys = 6;

    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Reference = new(() => PolkadotReference.RunAsync(Cases()));

    public static TheoryData<int> KeyIndices => new(Enumerable.Range(0, Keys));

    [Theory]
    [MemberData(nameof(KeyIndices))]
    public async Task FromMiniSecret_SameSeed_SamePublicKeyAsPolkadot(int index)
    {
        var results = await Reference.Value;
        Assert.Equal(results[$"pub{index}"].GetString(), "0x" + Convert.ToHexStringLower(Pair(index).PublicKey));
    }

    [Theory]
    [MemberData(nameof(KeyIndices))]
    public async Task Sign_OurSignature_VerifiesInPolkadot(int index)
    {
        var results = await Reference.Value;
        Assert.True(results[$"theyVerify{index}"].GetBoolean());
    }

    [Theory]
    [MemberData(nameof(KeyIndices))]
    public async Task Verify_PolkadotSignature_VerifiesInOurs(int index)
    {
        var results = await Reference.Value;
        var signature = Convert.FromHexString(results[$"sign{index}"].GetString()![2..]);
        Assert.True(Sr25519KeyPair.Verify(signature, Message(index), Pair(index).PublicKey));
        Assert.False(Sr25519KeyPair.Verify(signature, [.. Message(index), 0], Pair(index).PublicKey));
    }

    private static byte[] Seed(int index)
    {
        var seed = new byte[32];
        new Random(1000 + index).NextBytes(seed);
        return seed;
    }

    private static Sr25519KeyPair Pair(int index) => Sr25519KeyPair.FromMiniSecret(Seed(index));

    // Messages of several lengths, including one past STROBE's 166-byte rate.
    private static byte[] Message(int index) => Enumerable.Range(0, index * 50).Select(i => (byte)(i * 7)).ToArray();

    private static IEnumerable<JsonObject> Cases()
    {
        for (var i = 0; i < Keys; i++)
        {
            var seed = Hex(Seed(i));
            var message = Hex(Message(i));
            yield return new JsonObject { ["id"] = $"pub{i}", ["op"] = "sr25519Public", ["seed"] = seed };
            yield return new JsonObject { ["id"] = $"sign{i}", ["op"] = "sr25519Sign", ["seed"] = seed, ["message"] = message };
            yield return new JsonObject
            {
                ["id"] = $"theyVerify{i}", ["op"] = "sr25519Verify", ["message"] = message,
                ["signature"] = Hex(Pair(i).Sign(Message(i))), ["publicKey"] = Hex(Pair(i).PublicKey),
            };
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
