using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

/// <summary>ed25519 against @polkadot/util-crypto 14.0.3 (<c>ed25519PairFromSeed</c>, <c>ed25519Sign</c>, <c>ed25519Verify</c>).</summary>
public sealed class Ed25519PolkadotCrossCheckTests
{
    private const int Keys = 4;

    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Reference = new(() => PolkadotReference.RunAsync(Cases()));

    public static TheoryData<int> KeyIndices => new(Enumerable.Range(0, Keys));

    [Theory]
    [MemberData(nameof(KeyIndices))]
    public async Task FromSeed_SameSeed_SamePublicKeyAndSignatureAsPolkadot(int index)
    {
        var results = await Reference.Value;
        var pair = Ed25519KeyPair.FromSeed(Seed(index));
        Assert.Equal(results[$"pub{index}"].GetString(), Hex(pair.PublicKey));
        // Ed25519 is deterministic (RFC 8032), so the signatures are the same bytes.
        Assert.Equal(results[$"sign{index}"].GetString(), Hex(pair.Sign(Message(index))));
    }

    [Theory]
    [MemberData(nameof(KeyIndices))]
    public async Task Sign_EachSide_VerifiesInTheOther(int index)
    {
        var results = await Reference.Value;
        var pair = Ed25519KeyPair.FromSeed(Seed(index));
        Assert.True(results[$"theyVerify{index}"].GetBoolean());
        Assert.True(Ed25519KeyPair.Verify(Convert.FromHexString(results[$"sign{index}"].GetString()![2..]), Message(index), pair.PublicKey));
    }

    private static byte[] Seed(int index)
    {
        var seed = new byte[32];
        new Random(2000 + index).NextBytes(seed);
        return seed;
    }

    private static byte[] Message(int index) => Enumerable.Range(0, 1 + (index * 97)).Select(i => (byte)(i * 13)).ToArray();

    private static IEnumerable<JsonObject> Cases()
    {
        for (var i = 0; i < Keys; i++)
        {
            var pair = Ed25519KeyPair.FromSeed(Seed(i));
            yield return new JsonObject { ["id"] = $"pub{i}", ["op"] = "ed25519Public", ["seed"] = Hex(Seed(i)) };
            yield return new JsonObject { ["id"] = $"sign{i}", ["op"] = "ed25519Sign", ["seed"] = Hex(Seed(i)), ["message"] = Hex(Message(i)) };
            yield return new JsonObject
            {
                ["id"] = $"theyVerify{i}", ["op"] = "ed25519Verify", ["message"] = Hex(Message(i)),
                ["signature"] = Hex(pair.Sign(Message(i))), ["publicKey"] = Hex(pair.PublicKey),
            };
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
