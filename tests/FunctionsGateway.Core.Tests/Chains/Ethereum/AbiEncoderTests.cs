using System.Numerics;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class AbiEncoderTests
{
    /// <summary>Static and dynamic types of every kind, nested dynamic tuples, MEMO's package tuples.</summary>
    internal static readonly string[][] TypeLists =
    [
        ["uint8", "uint16", "uint24", "uint64", "uint128", "uint256"],
        ["int8", "int16", "int40", "int64", "int128", "int256"],
        ["address", "bool", "bytes1", "bytes7", "bytes20", "bytes32"],
        ["bytes", "string", "bytes", "string"],
        ["uint256[]", "address[3]", "string[]", "bytes[2]"],
        ["uint8[][]", "int24[2][3]", "string[2][]", "bool[]"],
        ["(uint64,uint8,uint256,uint256,uint8)[]"],
        ["(uint64,uint64,uint8,uint256,uint256,uint8)[]", "address"],
        ["(uint256,string,(bytes,address[])[],bool)"],
        ["(string,uint64)[2]", "((uint8,string)[],bytes32)[]"],
        ["uint256", "uint256", "uint256", "uint64"],
        ["uint256", "uint64", "uint64", "bytes"],
        ["((uint8,(string,bytes)[])[2],int8)", "bytes32[]"],
    ];

    [Fact]
    public async Task Encode_RandomValuesOfManyTypes_EqualsEthersAbiCoder()
    {
        var random = new Random(2718);
        var cases = new List<(AbiType[] Types, object?[] Values, JsonArray Json)>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var names in TypeLists)
            {
                var types = names.Select(AbiType.Parse).ToArray();
                var values = new object?[types.Length];
                var json = new JsonArray();
                for (var i = 0; i < types.Length; i++)
                {
                    (values[i], var node) = AbiValueGenerator.Next(types[i], random);
                    json.Add(node);
                }

                cases.Add((types, values, json));
            }
        }

        var reference = await EthersReference.RunAsync("abiEncode", cases.Select(c => (JsonNode?)new JsonObject
        {
            ["types"] = new JsonArray([.. c.Types.Select(t => JsonValue.Create(t.CanonicalName))]),
            ["values"] = c.Json,
        }));

        for (var i = 0; i < cases.Count; i++)
        {
            var encoded = AbiEncoder.Encode(cases[i].Types, cases[i].Values);
            Assert.Equal(reference[i].Text, EthereumHex.EncodeData(encoded));
            Assert.Equal(encoded, AbiEncoder.Encode(cases[i].Types, AbiDecoder.Decode(cases[i].Types, encoded)));
        }
    }

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint64", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    public void Encode_IntegerOutOfRange_ThrowsArgumentException(string type, int value)
    {
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Parse(type), value));
    }

    [Fact]
    public void Encode_WrongShapes_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Parse("bytes4"), new byte[3]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Parse("address[2]"), new[] { EthereumAddress.Zero }));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Parse("bool"), 1));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Parse("string"), new byte[1]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Bool], []));
    }

    [Fact]
    public void Encode_ValueTupleAndListForTuples_EncodeAlike()
    {
        var type = AbiType.Parse("(uint64,string)[]");
        object[] asLists = [new object[] { 1UL, "a" }, new List<object> { 2UL, "b" }];
        object[] asTuples = [(1UL, "a"), (2UL, "b")];

        Assert.Equal(AbiEncoder.Encode(type, asLists), AbiEncoder.Encode(type, asTuples));
        Assert.Equal(AbiEncoder.Encode(["int256"], [new BigInteger(-1)]), Enumerable.Repeat((byte)0xff, 32).ToArray());
    }
}
