using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Tests.Auth.Crypto;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class SignedTransactionTests
{
    private static readonly LegacyTransaction Eip155Example = new()
    {
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = EthereumAddress.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Pow(10, 18),
        ChainId = 1,
    };

    [Fact]
    public void Sign_Eip155Example_MatchesPublishedSigningDataHashAndSignature()
    {
        var signed = Eip155Example.Sign(Convert.FromHexString(TransactionTestVectors.Eip155PrivateKey));

        Assert.Equal(TransactionTestVectors.Eip155SigningData, Convert.ToHexStringLower(Eip155Example.EncodeForSigning()));
        Assert.Equal(TransactionTestVectors.Eip155SigningHash, Convert.ToHexStringLower(Eip155Example.GetSigningHash()));
        Assert.Equal(BigInteger.Parse(TransactionTestVectors.Eip155R, CultureInfo.InvariantCulture), new BigInteger(signed.Signature.R, isUnsigned: true, isBigEndian: true));
        Assert.Equal(BigInteger.Parse(TransactionTestVectors.Eip155S, CultureInfo.InvariantCulture), new BigInteger(signed.Signature.S, isUnsigned: true, isBigEndian: true));
        Assert.Equal(TransactionTestVectors.Eip155V, (int)signed.V);
        Assert.Equal(TransactionTestVectors.Eip155Signed, Convert.ToHexStringLower(signed.Raw));
    }

    [Fact]
    public void Decode_Eip155Example_RecoversFieldsAndSender()
    {
        var decoded = SignedTransaction.Decode(Convert.FromHexString(TransactionTestVectors.Eip155Signed));

        Assert.Equal(Eip155Example, decoded.Transaction);
        Assert.Equal("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", decoded.From.ToString());
        Assert.Equal(Keccak256.Hash(Convert.FromHexString(TransactionTestVectors.Eip155Signed)), decoded.Hash.ToArray());
    }

    [Fact]
    public void EncodeUnsigned_MemoBuySpace_IsNineFieldsWithZeroSignature()
    {
        // compat §2.5: /buyspace returns go-ethereum's MarshalBinary of an unsigned legacy transaction.
        var proxy = EthereumAddress.Parse("0x2A0B376CC39eB2019e43207d00ee2c34878ca36D");
        var call = AbiFunction.Parse("buySpace(uint64,uint64,address)").EncodeCall(1048576UL, 1UL, proxy);
        var transaction = new LegacyTransaction { Nonce = 3, GasPrice = 1000, GasLimit = 300000, To = proxy, Data = call };

        var fields = Rlp.Decode(transaction.EncodeUnsigned()).RequireList(9, "unsigned");

        Assert.Equal(new BigInteger(1000), fields[1].ToInteger());
        Assert.Equal(300000UL, fields[2].ToUInt64());
        Assert.Equal(call, fields[5].Bytes.ToArray());
        Assert.All(fields.Skip(6), f => Assert.True(f.Bytes.IsEmpty));
    }

    [Fact]
    public void Decode_HighS_ThrowsFormatException()
    {
        var signed = Eip155Example.Sign(Convert.FromHexString(TransactionTestVectors.Eip155PrivateKey));
        var n = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var highS = n - new BigInteger(signed.Signature.S, isUnsigned: true, isBigEndian: true);
        var mirrored = new EcdsaSignature(signed.Signature.R, highS.ToByteArray(isUnsigned: true, isBigEndian: true), signed.Signature.RecoveryId ^ 1);

        var error = Assert.Throws<FormatException>(() => SignedTransaction.Decode(Eip155Example.EncodeSigned(mirrored)));

        Assert.Contains(nameof(SignatureStatus.HighS), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01c0")]
    [InlineData("03c0")]
    [InlineData("")]
    [InlineData("c0")]
    public void Decode_UnsupportedOrMalformed_ThrowsFormatException(string raw)
    {
        Assert.Throws<FormatException>(() => SignedTransaction.Decode(Convert.FromHexString(raw)));
    }

    [Fact]
    public async Task Sign_RandomTransactions_EqualEthersSerializationAndDecodeEthers()
    {
        var random = new Random(155);
        var cases = Enumerable.Range(0, 36).Select(i => (Key: Secp256k1Tests.NextKey(random), Transaction: NextTransaction(random, i))).ToList();

        var reference = await EthersReference.RunAsync("signTransaction", cases.Select(c => (JsonNode?)new JsonObject
        {
            ["privateKey"] = EthereumHex.EncodeData(c.Key),
            ["tx"] = ToEthers(c.Transaction),
        }));

        for (var i = 0; i < cases.Count; i++)
        {
            var signed = cases[i].Transaction.Sign(cases[i].Key);
            var expected = reference[i].Value ?? throw new Xunit.Sdk.XunitException(reference[i].Error);
            Assert.Equal((string?)expected["unsignedSerialized"], EthereumHex.EncodeData(cases[i].Transaction.EncodeForSigning()));
            Assert.Equal((string?)expected["unsignedHash"], EthereumHex.EncodeData(cases[i].Transaction.GetSigningHash()));
            Assert.Equal((string?)expected["serialized"], signed.RawHex);
            Assert.Equal((string?)expected["hash"], signed.HashHex);
            Assert.Equal((string?)expected["from"], signed.From.ToString());

            var decoded = SignedTransaction.Decode(EthereumHex.DecodeData((string)expected["serialized"]!));
            Assert.Equal(signed.From, decoded.From);
            Assert.Equal(signed.Raw.ToArray(), decoded.Transaction.EncodeSigned(decoded.Signature));
        }
    }

    private static EthereumTransaction NextTransaction(Random random, int i)
    {
        var to = i % 9 == 4 ? (EthereumAddress?)null : new EthereumAddress(Secp256k1Tests.NextBytes(random, 20));
        var data = Secp256k1Tests.NextBytes(random, i % 4 == 0 ? 0 : random.Next(1, 120));
        var value = i % 3 == 0 ? BigInteger.Zero : new BigInteger(Secp256k1Tests.NextBytes(random, random.Next(1, 20)), isUnsigned: true);
        // ethers keeps nonces as JavaScript numbers, so stay below 2^53.
        var nonce = i % 5 == 0 ? 0UL : (ulong)random.NextInt64(0, 1L << 53);
        var gasLimit = (ulong)random.Next(21000, 10_000_000);
        return (i % 3) switch
        {
            0 => new LegacyTransaction { Nonce = nonce, GasPrice = random.Next(0, int.MaxValue), GasLimit = gasLimit, To = to, Value = value, Data = data },
            1 => new LegacyTransaction { Nonce = nonce, GasPrice = random.Next(1, int.MaxValue), GasLimit = gasLimit, To = to, Value = value, Data = data, ChainId = (ulong)random.Next(1, 100_000) },
            _ => new Eip1559Transaction
            {
                ChainId = (ulong)random.Next(1, 100_000),
                Nonce = nonce,
                MaxPriorityFeePerGas = random.Next(0, 1_000_000),
                MaxFeePerGas = new BigInteger(random.NextInt64(1_000_000, long.MaxValue)),
                GasLimit = gasLimit,
                To = to,
                Value = value,
                Data = data,
                AccessList = i % 4 == 2
                    ? [new AccessListEntry(new EthereumAddress(Secp256k1Tests.NextBytes(random, 20)), [Secp256k1Tests.NextBytes(random, 32), Secp256k1Tests.NextBytes(random, 32)])]
                    : [],
            },
        };
    }

    private static JsonObject ToEthers(EthereumTransaction transaction)
    {
        var json = new JsonObject
        {
            ["type"] = transaction.Type,
            ["nonce"] = transaction.Nonce,
            ["gasLimit"] = transaction.GasLimit.ToString(CultureInfo.InvariantCulture),
            ["to"] = transaction.To?.ToString(),
            ["value"] = transaction.Value.ToString(CultureInfo.InvariantCulture),
            ["data"] = EthereumHex.EncodeData(transaction.Data.Span),
        };
        switch (transaction)
        {
            case LegacyTransaction legacy:
                json["gasPrice"] = legacy.GasPrice.ToString(CultureInfo.InvariantCulture);
                if (legacy.ChainId is { } chainId)
                {
                    json["chainId"] = chainId.ToString(CultureInfo.InvariantCulture);
                }

                break;
            case Eip1559Transaction eip1559:
                json["chainId"] = eip1559.ChainId.ToString(CultureInfo.InvariantCulture);
                json["maxPriorityFeePerGas"] = eip1559.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture);
                json["maxFeePerGas"] = eip1559.MaxFeePerGas.ToString(CultureInfo.InvariantCulture);
                json["accessList"] = new JsonArray([.. eip1559.AccessList.Select(e => (JsonNode)new JsonObject
                {
                    ["address"] = e.Address.ToString(),
                    ["storageKeys"] = new JsonArray([.. e.StorageKeys.Select(k => JsonValue.Create(EthereumHex.EncodeData(k.Span)))]),
                })]);
                break;
        }

        return json;
    }
}
