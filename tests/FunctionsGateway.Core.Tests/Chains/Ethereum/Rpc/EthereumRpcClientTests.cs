using System.Net;
using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Tests.Auth.Crypto;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum.Rpc;

[Collection(GanacheCollection.Name)]
public sealed class EthereumRpcClientTests(GanacheFixture ganache)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly AbiFunction BalanceOf = AbiFunction.Parse("balanceOf(address) view returns (uint256)");
    private static readonly AbiFunction Mint = AbiFunction.Parse("mint(address to, uint256 amount)");
    private static readonly AbiFunction Approve = AbiFunction.Parse("approve(address spender, uint256 amount) returns (bool)");
    private static readonly AbiFunction Allowance = AbiFunction.Parse("allowance(address owner, address spender) view returns (uint256)");

    [Fact]
    public async Task GetChainIdAsync_Ganache_ReturnsDefaultChainId()
    {
        Assert.Equal(1337UL, await ganache.Client.GetChainIdAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendTransactionAsync_ValueTransfer_MovesValueAndCountsNonce(bool legacy)
    {
        var key = GanacheFixture.Key(legacy ? 1 : 2);
        var sender = EthereumAddress.FromPrivateKey(key);
        var recipient = EthereumAddress.FromPrivateKey(Secp256k1Tests.NextKey(new Random(legacy ? 1 : 2)));
        var nonceBefore = await ganache.Client.GetTransactionCountAsync(sender, BlockParameter.Latest);

        var receipt = await ganache.SendAsync(key, recipient, ReadOnlyMemory<byte>.Empty, Ether / 3, legacy);

        Assert.True(receipt.Succeeded);
        Assert.Equal(legacy ? 0 : 2, receipt.Type);
        Assert.Equal(sender, receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.Equal(21000UL, receipt.GasUsed);
        Assert.Equal(Ether / 3, await ganache.Client.GetBalanceAsync(recipient));
        Assert.Equal(BigInteger.Zero, await ganache.Client.GetBalanceAsync(recipient, BlockParameter.Number(receipt.BlockNumber - 1)));
        Assert.Equal(nonceBefore + 1, await ganache.Client.GetTransactionCountAsync(sender, BlockParameter.Latest));
        Assert.Equal(nonceBefore + 1, await ganache.Client.GetTransactionCountAsync(sender, BlockParameter.Pending));
    }

    [Fact]
    public async Task CallAsync_TokenAndPackageStore_DecodesMemoShapes()
    {
        var owner = GanacheFixture.Key(0);
        var user = EthereumAddress.FromPrivateKey(GanacheFixture.Key(3));
        var token = await ganache.DeployAsync("MemoToken", owner, [], []);
        var store = await ganache.DeployAsync("PackageStore", owner, [], []);

        await ganache.SendAsync(owner, token, Mint.EncodeCall(user, 5 * Ether));
        var buy = AbiFunction.Parse("storeBuyPkg(address to, uint64 pkgId, uint256 amount, uint64 starttime, string chainId)");
        var bought = await ganache.SendAsync(owner, store, buy.EncodeCall(user, 1UL, 10 * Ether, 42UL, "985"), legacy: true);

        Assert.True(bought.Succeeded);
        Assert.Equal(5 * Ether, (BigInteger)(await ganache.Client.CallAsync(token, BalanceOf, [user]))[0]!);
        var infos = (object?[])(await ganache.Client.CallAsync(store, AbiFunction.Parse(
            "storeGetPkgInfos() view returns ((uint64 time, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[])"), []))[0]!;
        Assert.Equal(2, infos.Length);
        Assert.Equal(new object?[] { new BigInteger(365 * 86400), BigInteger.One, new BigInteger(100L << 30), 10 * Ether, BigInteger.One }, (object?[])infos[1]!);
        var purchases = (object?[])(await ganache.Client.CallAsync(store, AbiFunction.Parse(
            "storeGetBuyPkgs(address) view returns ((uint64 starttime, uint64 endtime, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[])"), [user]))[0]!;
        Assert.Equal(new object?[] { new BigInteger(42), new BigInteger(42 + (365 * 86400)), BigInteger.One, new BigInteger(100L << 30), 10 * Ether, BigInteger.One }, (object?[])Assert.Single(purchases)!);
        var size = await ganache.Client.CallAsync(store, AbiFunction.Parse("getPkgSize(address, uint8) view returns (uint256, uint256, uint256, uint64)"), [user, (byte)1]);
        Assert.Equal(new object?[] { new BigInteger(100L << 30), new BigInteger(100L << 30), BigInteger.Zero, BigInteger.Zero }, size);
    }

    [Fact]
    public async Task CallAsync_RevertingCall_ThrowsWithDecodedReason()
    {
        var owner = GanacheFixture.Key(0);
        var stranger = EthereumAddress.FromPrivateKey(GanacheFixture.Key(4));
        var store = await ganache.DeployAsync("PackageStore", owner, [], []);
        var call = new EthereumCallRequest
        {
            From = stranger,
            To = store,
            Data = AbiFunction.Parse("storeBuyPkg(address,uint64,uint256,uint64,string)").EncodeCall(stranger, 0UL, Ether, 1UL, "985"),
        };

        var callError = await Assert.ThrowsAsync<EthereumRpcException>(() => ganache.Client.CallAsync(call));
        var estimateError = await Assert.ThrowsAsync<EthereumRpcException>(() => ganache.Client.EstimateGasAsync(call));

        Assert.Equal("PackageStore: only owner", callError.RevertReason);
        Assert.NotNull(callError.Code);
        Assert.False(callError.IsTransportFailure);
        Assert.Equal("PackageStore: only owner", estimateError.RevertReason);
    }

    [Fact]
    public async Task SendTransactionAsync_RevertingTransactionWithFixedGas_MinesWithFailedStatus()
    {
        var owner = GanacheFixture.Key(0);
        var strangerKey = GanacheFixture.Key(5);
        var store = await ganache.DeployAsync("PackageStore", owner, [], []);
        var stranger = EthereumAddress.FromPrivateKey(strangerKey);
        var transaction = new LegacyTransaction
        {
            ChainId = ganache.ChainId,
            Nonce = await ganache.Client.GetTransactionCountAsync(stranger, BlockParameter.Pending),
            GasPrice = await ganache.Client.GetGasPriceAsync(),
            GasLimit = 200_000,
            To = store,
            Data = AbiFunction.Parse("storeBuyPkg(address,uint64,uint256,uint64,string)").EncodeCall(stranger, 0UL, Ether, 1UL, "985"),
        };

        var hash = await ganache.Client.SendTransactionAsync(transaction.Sign(strangerKey));
        var receipt = await ganache.Client.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30));

        Assert.False(receipt.Succeeded);
        Assert.Equal(hash, receipt.TransactionHash);
    }

    [Fact]
    public async Task SendTransactionAsync_ProxyVoucherFlow_CashesCheckSignedWithoutPrefix()
    {
        // compat §2.5–§2.7: approve → buySpace → spacePayInfo → voucher hash signed raw by the user → seller cashes it.
        var owner = GanacheFixture.Key(0);
        var userKey = GanacheFixture.Key(6);
        var sellerKey = GanacheFixture.Key(7);
        var user = EthereumAddress.FromPrivateKey(userKey);
        var seller = EthereumAddress.FromPrivateKey(sellerKey);
        var storePay = EthereumAddress.Parse("0x1111111111111111111111111111111111111111");
        var readPay = EthereumAddress.Parse("0x2222222222222222222222222222222222222222");
        var token = await ganache.DeployAsync("MemoToken", owner, [], []);
        var proxy = await ganache.DeployAsync("Proxy", owner, ["address", "address", "address", "uint64", "uint64"], [token, storePay, readPay, 3UL, 2UL]);
        await ganache.SendAsync(owner, token, Mint.EncodeCall(user, 1_000_000));
        await ganache.SendAsync(userKey, token, Approve.EncodeCall(proxy, 1_000_000), legacy: true);
        Assert.Equal(new BigInteger(1_000_000), (BigInteger)(await ganache.Client.CallAsync(token, Allowance, [user, proxy]))[0]!);

        var buySpace = AbiFunction.Parse("buySpace(uint64 size, uint64 durationDay, address buyer)");
        Assert.True((await ganache.SendAsync(userKey, proxy, buySpace.EncodeCall(1000UL, 1UL, user))).Succeeded);
        var spacePayInfo = AbiFunction.Parse("spacePayInfo(address) view returns ((uint256 nonce, uint256 balance, uint64 sizeByte, uint64 freeByte, uint64 expire))");
        var info = (object?[])(await ganache.Client.CallAsync(proxy, spacePayInfo, [user]))[0]!;
        Assert.Equal(BigInteger.Zero, info[0]);
        Assert.Equal(new BigInteger(3000), info[1]);
        Assert.Equal(new BigInteger(1000), info[2]);
        Assert.Equal(new BigInteger(3), (BigInteger)(await ganache.Client.CallAsync(proxy, AbiFunction.Parse("spacePrice() view returns (uint64)"), []))[0]!);

        var voucher = MemoVoucherHash.Compute(storePay, (BigInteger)info[0]!, 400, seller);
        var signature = EthereumSigner.Sign(voucher, userKey, SignatureVForm.RecoveryId);
        var cash = AbiFunction.Parse("cashSpaceCheck(uint256 nonce, uint64 sizeByte, uint64 durationDay, bytes sign)");
        var cashed = await ganache.SendAsync(sellerKey, proxy, cash.EncodeCall(BigInteger.Zero, 400UL, 1UL, signature));

        Assert.True(cashed.Succeeded);
        Assert.Equal(new BigInteger(1200), (BigInteger)(await ganache.Client.CallAsync(token, BalanceOf, [seller]))[0]!);
        info = (object?[])(await ganache.Client.CallAsync(proxy, spacePayInfo, [user]))[0]!;
        Assert.Equal(BigInteger.One, info[0]);
        var replay = await Assert.ThrowsAsync<EthereumRpcException>(() => ganache.Client.EstimateGasAsync(new EthereumCallRequest
        {
            From = seller, To = proxy, Data = cash.EncodeCall(BigInteger.Zero, 400UL, 1UL, signature),
        }));
        Assert.Equal("Proxy: wrong nonce", replay.RevertReason);
    }

    [Fact]
    public async Task CallAsync_DidRegistry_ReturnsAuthenticationKeysThatMapToAddresses()
    {
        var controller = GanacheFixture.Key(8);
        var registry = await ganache.DeployAsync("MemoDidRegistry", controller, [], []);
        var did = "did:memo:" + new string('0', 63) + "1";
        var keys = Enumerable.Range(1, 2).Select(i => Secp256k1Tests.NextKey(new Random(i * 31))).ToList();
        var uncompressed = Secp256k1.GetPublicKey(keys[0]);
        var second = Secp256k1.GetPublicKey(keys[1]);
        var compressed = new[] { (byte)(2 + (second[64] & 1)) }.Concat(second[1..33]).ToArray();
        var register = AbiFunction.Parse("register(string did, bytes masterKey, bytes[] authentication)");
        await ganache.SendAsync(controller, registry, register.EncodeCall(did, uncompressed, new object[] { uncompressed, compressed }));

        var authentication = (object?[])(await ganache.Client.CallAsync(registry, AbiFunction.Parse("getAuthentication(string) view returns (bytes[])"), [did]))[0]!;
        var addresses = authentication.Cast<byte[]>().Select(k => EthereumAddress.FromPublicKey(Secp256k1.DecompressPublicKey(k))).ToList();

        Assert.Equal(keys.Select(k => EthereumAddress.FromPrivateKey(k)), addresses);
        Assert.Equal(uncompressed, (byte[])(await ganache.Client.CallAsync(registry, AbiFunction.Parse("getMasterKey(string) view returns (bytes)"), [did]))[0]!);
    }

    [Fact]
    public async Task GetFeeHistoryAsync_LastBlocks_ReturnsBaseFeesAndRewards()
    {
        var history = await ganache.Client.GetFeeHistoryAsync(2, BlockParameter.Latest, [50]);

        Assert.InRange(history.BaseFeePerGas.Count, 2, 3);
        Assert.All(history.BaseFeePerGas, fee => Assert.True(fee > 0));
        Assert.Equal(history.GasUsedRatio.Count, history.Reward.Count);
        Assert.True(await ganache.Client.GetGasPriceAsync() > 0);
    }

    [Fact]
    public async Task SendRawTransactionAsync_SenderWithoutFunds_ThrowsJsonRpcError()
    {
        var pauper = Secp256k1Tests.NextKey(new Random(9));
        var transaction = new LegacyTransaction { ChainId = ganache.ChainId, Nonce = 0, GasPrice = BigInteger.Pow(10, 10), GasLimit = 21000, To = EthereumAddress.Zero, Value = Ether };

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => ganache.Client.SendTransactionAsync(transaction.Sign(pauper)));

        Assert.False(error.IsTransportFailure);
        Assert.NotNull(error.Code);
        Assert.Equal("eth_sendRawTransaction", error.Method);
        Assert.Contains("insufficient funds", error.NodeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WaitForReceiptAsync_UnknownHash_TimesOutOrCancels()
    {
        var unknown = "0x" + new string('a', 64);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var timeout = await Assert.ThrowsAsync<EthereumRpcException>(() => ganache.Client.WaitForReceiptAsync(unknown, TimeSpan.FromMilliseconds(200)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ganache.Client.WaitForReceiptAsync(unknown, null, cancel.Token));

        Assert.Null(await ganache.Client.GetTransactionReceiptAsync(unknown));
        Assert.True(timeout.IsTransportFailure);
    }

    [Fact]
    public async Task GetChainIdAsync_ServiceUnavailableThenAnswer_Retries()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.ServiceUnavailable, "busy"),
            (HttpStatusCode.BadGateway, "busy"),
            (HttpStatusCode.OK, """{"jsonrpc":"2.0","id":3,"result":"0x3d9"}"""));
        var client = Scripted(handler);

        Assert.Equal(985UL, await client.GetChainIdAsync());
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("\"method\":\"eth_chainId\"", handler.Requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendRawTransactionAsync_ServiceUnavailable_SendsOnceAndFails()
    {
        var handler = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, "busy"));

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => Scripted(handler).SendRawTransactionAsync(new byte[] { 0xc0 }));

        Assert.Single(handler.Requests);
        Assert.True(error.IsTransportFailure);
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public async Task CallAsync_JsonRpcErrorWithNestedRevertData_IsNotRetriedAndDecodes()
    {
        var revert = EthereumHex.EncodeData(AbiFunction.Parse("Error(string)").EncodeCall("nope"));
        var handler = new ScriptedHandler((HttpStatusCode.OK, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted: nope\",\"data\":{\"data\":\"" + revert + "\"}}}"));

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => Scripted(handler).CallAsync(new EthereumCallRequest { To = EthereumAddress.Zero }, BlockParameter.Pending));

        Assert.Single(handler.Requests);
        Assert.Equal(3, error.Code);
        Assert.Equal("nope", error.RevertReason);
        Assert.Contains("\"pending\"", handler.Requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChainIdAsync_NothingListening_ThrowsTransportFailure()
    {
        using var http = new HttpClient();
        var client = new EthereumRpcClient(http, new EthereumRpcOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Next()}/"), MaxRetries = 1, RetryDelay = TimeSpan.Zero,
        });

        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetChainIdAsync());

        Assert.True(error.IsTransportFailure);
        Assert.Null(error.Code);
    }

    private static EthereumRpcClient Scripted(ScriptedHandler handler) =>
        new(new HttpClient(handler), new EthereumRpcOptions { Endpoint = new Uri("http://node.invalid/"), RetryDelay = TimeSpan.Zero });
}
