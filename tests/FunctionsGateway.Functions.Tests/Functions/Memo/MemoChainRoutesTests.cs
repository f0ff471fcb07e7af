using System.Net;
using System.Numerics;
using System.Text.Json;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>The chain routes of both eras (compat §2.4, §2.5, §2.7) over the test contracts on ganache, and 523 without a chain.</summary>
[Collection(MemoCollection.Name)]
public sealed class MemoChainRoutesTests(MemoGatewayFixture memo)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Theory]
    [InlineData("/memo/account/balance")]
    [InlineData("/memo/account/getstorage")]
    [InlineData("/memo/account/getbuypkgs")]
    [InlineData("/memo/account/buypkg?amount=1&pkgid=0&chainid=985")]
    [InlineData("/memo/mefs/balance")]
    [InlineData("/memo/ipfs/space")]
    [InlineData("/memo/mefs/traffic")]
    [InlineData("/memo/mefs/spacehash?size=1")]
    [InlineData("/memo/mefs/buyspace?size=1")]
    [InlineData("/memo/mefs/approve?type=store&size=1")]
    [InlineData("/memo/mefs/allowance?type=read")]
    public async Task ChainRoute_NoChainSettings_523ConfigError(string path)
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Plain);

        await MemoAssert.EnvelopeAsync(await client.GetAsync(path), 523, "ConfigError", "Config Error (Gateway:Ethereum:Endpoint is not set)");
    }

    [Theory]
    [InlineData("/memo/account/pkginfos")]
    [InlineData("/memo/mefs/cashspace?address=0x1111111111111111111111111111111111111111")]
    [InlineData("/memo/ipfs/receipt?receipt=0x01")]
    public async Task OpenChainRoute_NoChainSettings_523ConfigError(string path)
    {
        using var client = memo.Plain.CreateClient();

        await MemoAssert.EnvelopeAsync(await client.GetAsync(path), 523, "ConfigError", "Config Error (Gateway:Ethereum:Endpoint is not set)");
    }

    [Fact]
    public async Task AccountBalance_MintedTokens_DecimalBalance()
    {
        var wallet = new MemoWallet();
        await memo.MintAsync(wallet.Address, 123 * Ether);
        using var client = await wallet.LoggedInClientAsync(memo.Chain);

        var body = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/balance"));

        Assert.Equal(["Address", "Balance"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(wallet.Address.ToString(), body.GetProperty("Address").GetString());
        Assert.Equal("123000000000000000000", body.GetProperty("Balance").GetString());
    }

    [Fact]
    public async Task AccountPackages_BuyOne_ListedWithSizesAndStorage()
    {
        var wallet = new MemoWallet();
        using var client = await wallet.LoggedInClientAsync(memo.Chain);

        var infos = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/pkginfos"));
        var bought = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/buypkg?amount=10000000000000000000&pkgid=1&chainid=985"));
        var failed = await client.GetAsync("/memo/account/buypkg?amount=1&pkgid=1&chainid=985");
        var purchases = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/getbuypkgs"));
        var storage = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/getstorage"));
        var ipfsOnly = await MemoAssert.OkAsync(await client.GetAsync("/memo/account/storageinfo?stype=ipfs"));

        Assert.Equal(2, infos.GetArrayLength());
        Assert.Equal("""{"Time":"31536000","Kind":1,"Buysize":"107374182400","Amount":"10000000000000000000","State":1}""", infos[1].GetRawText());
        Assert.Equal("""{"Status":"Success!"}""", bought.GetRawText());
        Assert.Equal(521, (int)failed.StatusCode);
        Assert.Equal("""{"Status":"Failed!"}""", await failed.Content.ReadAsStringAsync());
        var purchase = Assert.Single(purchases.EnumerateArray());
        Assert.Equal(["Starttime", "Endtime", "Kind", "Buysize", "Amount", "State"], purchase.EnumerateObject().Select(p => p.Name));
        var start = long.Parse(purchase.GetProperty("Starttime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(start, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
        Assert.Equal((start + 31536000).ToString(System.Globalization.CultureInfo.InvariantCulture), purchase.GetProperty("Endtime").GetString());
        Assert.Equal("10000000000000000000", purchase.GetProperty("Amount").GetRawText());
        Assert.Equal(wallet.Address.ToString(), storage.GetProperty("Address").GetString());
        Assert.Equal(["mefs", "ipfs"], storage.GetProperty("StorageList").EnumerateArray().Select(s => s.GetProperty("Storage").GetString()));
        Assert.Equal("""{"Storage":"ipfs","Used":"0","Buysize":"107374182400","Free":"107374182400","Files":"0"}""", Assert.Single(ipfsOnly.GetProperty("StorageList").EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task DidEraPurchase_ApproveBuySpaceThroughUnsignedTransactions_SpaceAndAllowance()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await memo.FundAsync(user.Address);
        await memo.MintAsync(user.Address, 1_000_000);
        await user.LoginAsync(client);

        var approve = await SignAndSendAsync(memo, user, await StringAsync(client, user.Get("/memo/mefs/approve?type=store&size=500000")), memo.Token);
        var allowance = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/allowance?type=store")));
        var buy = await SignAndSendAsync(memo, user, await StringAsync(client, user.Get("/memo/mefs/buyspace?size=1000")), memo.Proxy);
        var space = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/ipfs/space")));
        var balance = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/balance")));

        Assert.True(approve.Succeeded);
        Assert.Equal(JsonValueKind.Number, allowance.ValueKind);
        Assert.Equal(500000, allowance.GetInt64());
        Assert.True(buy.Succeeded);
        Assert.Equal(["Nonce", "Balance", "SizeByte", "FreeByte", "Expire"], space.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, space.GetProperty("Nonce").GetInt64());
        Assert.Equal(2000, space.GetProperty("Balance").GetInt64());
        Assert.Equal(1000, space.GetProperty("SizeByte").GetInt64());
        Assert.True(space.GetProperty("Expire").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal((1_000_000 - 2000).ToString(System.Globalization.CultureInfo.InvariantCulture), balance.GetProperty("Balance").GetString());
        Assert.Equal(user.Address.ToString(), balance.GetProperty("Address").GetString());
    }

    [Fact]
    public async Task VoucherHash_Size_TheCompatHashAtTheCallersNonce()
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        var space = await StringAsync(client, user.Get("/memo/mefs/spacehash?size=1048576"));
        var traffic = await StringAsync(client, user.Get("/memo/ipfs/traffichash?size=7"));

        var seller = EthereumAddress.FromPrivateKey(MemoGatewayFixture.SellerKey);
        Assert.Equal(EthereumHex.EncodeData(MemoVoucherHash.Compute(memo.Proxy, 0, 1048576, seller)), space);
        Assert.Equal(EthereumHex.EncodeData(MemoVoucherHash.Compute(memo.Proxy, 0, 7, seller)), traffic);
    }

    [Theory]
    [InlineData("/memo/mefs/spacehash?size=x", 400, "InvalidRequest", "Invalid request (strconv.ParseUint: parsing \"x\": invalid syntax)")]
    [InlineData("/memo/mefs/approve?type=write&size=1", 400, "InvalidRequest", "Invalid request (type must be read or store, not \"write\")")]
    [InlineData("/memo/qiniu/space", 518, "Storage", "Storage Error (storage not support)")]
    public async Task ChainRoute_BadParameter_OriginalsAnswer(string path, int status, string code, string description)
    {
        using var client = memo.Chain.CreateClient();
        var user = await MemoDidUser.RegisterAsync(memo);
        await user.LoginAsync(client);

        await MemoAssert.EnvelopeAsync(await client.SendAsync(user.Get(path)), status, code, description);
    }

    [Fact]
    public async Task DidEraRoutes_JwtCaller_AlsoServed()
    {
        var wallet = new MemoWallet();
        using var client = await wallet.LoggedInClientAsync(memo.Chain);

        var traffic = await MemoAssert.OkAsync(await client.GetAsync("/memo/mefs/traffic"));

        Assert.Equal(0, traffic.GetProperty("SizeByte").GetInt64());
    }

    [Fact]
    public async Task Receipt_MinedWithLogsFailedOrWithout_SuccessOr519()
    {
        using var client = memo.Chain.CreateClient();
        var payer = new MemoWallet();
        await memo.FundAsync(payer.Address);
        var transfer = await memo.Ganache.SendAsync(payer.Key, memo.Token, AbiFunction.Parse("transfer(address,uint256)").EncodeCall(payer.Address, BigInteger.Zero));
        var value = await memo.Ganache.SendAsync(payer.Key, new MemoWallet().Address, ReadOnlyMemory<byte>.Empty, 1);
        var failed = await SendFailingAsync(payer.Key);

        Assert.Equal("success", await StringAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/memo/mefs/receipt?receipt={transfer.TransactionHash}")));
        await MemoAssert.EnvelopeAsync(await client.GetAsync($"/memo/mefs/receipt?receipt={value.TransactionHash}"), 519, "contract", "contract Error (no topics)");
        await MemoAssert.EnvelopeAsync(await client.GetAsync($"/memo/mefs/receipt?receipt={failed}"), 519, "contract", "contract Error (Status not right)");
        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/receipt?receipt=0x" + new string('1', 64)), 520, "Eth", "Eth Error (not found)");
    }

    [Fact]
    public async Task CashSpace_NoVoucherKept_525()
    {
        using var client = memo.Chain.CreateClient();
        var stranger = new MemoWallet();

        await MemoAssert.EnvelopeAsync(await client.GetAsync($"/memo/mefs/cashspace?address={stranger.Address}"), 525, "ControllerError", $"Controller Error (no voucher of {stranger.Address} to cash)");
        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/cashspace?address=nope"), 517, "Address", "Address Error (invalid address nope)");
    }

    /// <summary>The JSON string a route answers.</summary>
    internal static async Task<string> StringAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var body = await MemoAssert.OkAsync(await client.SendAsync(request));
            Assert.Equal(JsonValueKind.String, body.ValueKind);
            return body.GetString()!;
        }
    }

    /// <summary>
    /// Checks an unsigned transaction as compat §2.5 describes it (legacy RLP, v r s zero, the caller's pending nonce,
    /// 300000 gas at 1000 wei, no value), then signs and sends the same call at ganache's gas price (1000 wei is
    /// below its base fee) and waits for it.
    /// </summary>
    internal static async Task<TransactionReceipt> SignAndSendAsync(MemoGatewayFixture memo, MemoDidUser user, string unsignedHex, EthereumAddress expectedTo)
    {
        var rpc = memo.Ganache.Client;
        var (key, from, chainId) = (user.Key, user.Address, memo.Ganache.ChainId);
        var fields = Rlp.Decode(EthereumHex.DecodeData(unsignedHex)).Items;
        Assert.Equal(9, fields.Count);
        Assert.Equal(await rpc.GetTransactionCountAsync(from, BlockParameter.Pending), fields[0].ToUInt64());
        Assert.Equal(new BigInteger(1000), fields[1].ToInteger());
        Assert.Equal(300000UL, fields[2].ToUInt64());
        Assert.Equal(expectedTo, fields[3].ToAddressOrNull());
        Assert.Equal(BigInteger.Zero, fields[4].ToInteger());
        Assert.True(fields[6].Bytes.IsEmpty && fields[7].Bytes.IsEmpty && fields[8].Bytes.IsEmpty);
        var transaction = new LegacyTransaction
        {
            ChainId = chainId,
            Nonce = fields[0].ToUInt64(),
            GasPrice = await rpc.GetGasPriceAsync(),
            GasLimit = fields[2].ToUInt64(),
            To = fields[3].ToAddressOrNull(),
            Data = fields[5].Bytes.ToArray(),
        };
        var hash = await rpc.SendTransactionAsync(transaction.Sign(key));
        return await rpc.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30));
    }

    private async Task<string> SendFailingAsync(byte[] key)
    {
        // A call the Proxy refuses, with a fixed gas limit so that it is mined and fails.
        var from = EthereumAddress.FromPrivateKey(key);
        var transaction = new LegacyTransaction
        {
            ChainId = memo.Ganache.ChainId,
            Nonce = await memo.Ganache.Client.GetTransactionCountAsync(from, BlockParameter.Pending),
            GasPrice = await memo.Ganache.Client.GetGasPriceAsync(),
            GasLimit = 200_000,
            To = memo.Proxy,
            Data = AbiFunction.Parse("buySpace(uint64,uint64,address)").EncodeCall(0UL, 0UL, from),
        };
        var hash = await memo.Ganache.Client.SendTransactionAsync(transaction.Sign(key));
        Assert.False((await memo.Ganache.Client.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30))).Succeeded);
        return hash;
    }
}
