using System.Numerics;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

/// <summary>Random ABI values for a type, as our encoder takes them and as JSON for ethers' AbiCoder.</summary>
internal static class AbiValueGenerator
{
    private static readonly string[] Words = ["", "a", "memo", "é✓", "😀 emoji", new string('x', 33), new string('y', 64), "mixed\nlines"];

    public static (object? Value, JsonNode? Json) Next(AbiType type, Random random)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
                var unsigned = Integer(random, type.Size, signed: false);
                return (unsigned, unsigned.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case AbiTypeKind.SignedInteger:
                var signed = Integer(random, type.Size, signed: true);
                return (signed, signed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case AbiTypeKind.Address:
                var address = new EthereumAddress(Bytes(random, 20));
                return (address, address.ToString());
            case AbiTypeKind.Bool:
                var flag = random.Next(2) == 1;
                return (flag, flag);
            case AbiTypeKind.FixedBytes:
                var fixedBytes = Bytes(random, type.Size);
                return (fixedBytes, EthereumHex.EncodeData(fixedBytes));
            case AbiTypeKind.Bytes:
                var bytes = Bytes(random, random.Next(3) switch { 0 => 0, 1 => random.Next(1, 40), _ => random.Next(60, 200) });
                return (bytes, EthereumHex.EncodeData(bytes));
            case AbiTypeKind.Text:
                var text = Words[random.Next(Words.Length)];
                return (text, text);
            default:
                var members = type.Kind == AbiTypeKind.Array
                    ? Enumerable.Repeat(type.Element!, type.Length ?? random.Next(0, 4)).ToArray()
                    : type.Components.ToArray();
                var values = new object?[members.Length];
                var json = new JsonArray();
                for (var i = 0; i < members.Length; i++)
                {
                    (values[i], var node) = Next(members[i], random);
                    json.Add(node);
                }

                return (values, json);
        }
    }

    private static BigInteger Integer(Random random, int bits, bool signed)
    {
        // Mostly boundary values and small numbers, where encoders go wrong; the rest uniform.
        var max = (BigInteger.One << (signed ? bits - 1 : bits)) - 1;
        var min = signed ? -max - 1 : BigInteger.Zero;
        return random.Next(6) switch
        {
            0 => max,
            1 => min,
            2 => BigInteger.Min(max, random.Next(0, 300)),
            3 => signed ? BigInteger.Max(min, -random.Next(1, 300)) : 1,
            _ => Uniform(random, bits, signed),
        };
    }

    private static BigInteger Uniform(Random random, int bits, bool signed)
    {
        var value = new BigInteger(Bytes(random, bits / 8), isUnsigned: true, isBigEndian: true);
        return signed && value >= BigInteger.One << (bits - 1) ? value - (BigInteger.One << bits) : value;
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
