using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>
/// What the MEMO tests share, started once: an Azurite, a ganache chain, an s3rver (MEFS's S3 gateway) and a js-ipfs
/// node of their own, the test contracts deployed with our client (token, package store, Proxy whose StorePay and
/// ReadPay are itself, DID registry), a stand-in for the Lens API, and two gateways — <see cref="Chain"/> with every
/// chain setting and the real <c>mefs</c> and <c>ipfs</c> backends, and <see cref="Plain"/> with no chain settings
/// (the development default). Tests isolate themselves by using fresh wallets and DIDs.
/// </summary>
public sealed class MemoGatewayFixture : IAsyncLifetime
{
    /// <summary>The JWT key of both gateways (64 hex digits: decoded like the original's securityKey).</summary>
    public const string JwtKey = "6d656d6f2d746573742d6a77742d6b65792d6f662d33322d62797465732d2d21";

    /// <summary>The SIWE origin the tests sign in from; its host is the configured domain.</summary>
    public const string Origin = "https://memo.io";

    private static readonly AbiFunction Mint = AbiFunction.Parse("mint(address to, uint256 amount)");
    private static readonly AbiFunction Register = AbiFunction.Parse("register(string did, bytes masterKey, bytes[] authentication)");

    private GatewayApplication? _chain;
    private GatewayApplication? _plain;

    public AzuriteFixture Azurite { get; } = new();

    public GanacheFixture Ganache { get; } = new();

    /// <summary>The S3 server behind the chain gateway's <c>mefs</c> backend.</summary>
    public S3rverFixture S3 { get; } = new();

    /// <summary>The IPFS node behind the chain gateway's <c>ipfs</c> backend.</summary>
    public IpfsNodeFixture Ipfs { get; } = new();

    public LensGraphQlStandIn Lens { get; private set; } = null!;

    /// <summary>The seller: deployer and owner of every contract, the gateway's wallet (ganache account 0).</summary>
    public static byte[] SellerKey => GanacheFixture.Key(0);

    public EthereumAddress Token { get; private set; }

    public EthereumAddress PackageStore { get; private set; }

    public EthereumAddress Proxy { get; private set; }

    public EthereumAddress Registry { get; private set; }

    /// <summary>The gateway with the chain configured (vouchers required, DID logins possible).</summary>
    public GatewayApplication Chain => _chain ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// The gateway without chain settings: account routes answer 523, uploads are limited by the quota (100000 bytes);
    /// <c>ipfs</c> is the <c>local</c> backend and <c>mefs</c> has none.
    /// </summary>
    public GatewayApplication Plain => _plain ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings of the chain gateway, for tests that start another instance on the same tables.</summary>
    public Dictionary<string, string?> ChainSettings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Lens = new LensGraphQlStandIn();
        await Task.WhenAll(Azurite.InitializeAsync(), Ganache.InitializeAsync(), S3.InitializeAsync(), Ipfs.InitializeAsync());
        var seller = SellerKey;
        Token = await Ganache.DeployAsync("MemoToken", seller, [], []);
        PackageStore = await Ganache.DeployAsync("PackageStore", seller, [], []);
        // StorePay and ReadPay are folded into the test Proxy: make them the Proxy's own (predicted) address, so that
        // an approve to StorePay is what the Proxy's transferFrom spends.
        var deployer = EthereumAddress.FromPrivateKey(seller);
        var proxy = ContractAddress(deployer, await Ganache.Client.GetTransactionCountAsync(deployer, Core.Chains.Ethereum.Rpc.BlockParameter.Pending));
        Proxy = await Ganache.DeployAsync("Proxy", seller, ["address", "address", "address", "uint64", "uint64"], [Token, proxy, proxy, 2UL, 1UL]);
        Assert.Equal(proxy, Proxy);
        Registry = await Ganache.DeployAsync("MemoDidRegistry", seller, [], []);

        ChainSettings = new Dictionary<string, string?>(BaseSettings)
        {
            ["Gateway:Storage:ResourcePrefix"] = AzuriteFixture.UniqueName("m"),
            ["Gateway:Ethereum:Endpoint"] = Ganache.Endpoint.ToString(),
            ["Gateway:Ethereum:ReceiptPollInterval"] = "00:00:00.050",
            ["Gateway:Memo:Chain:TokenContract"] = Token.ToString(),
            ["Gateway:Memo:Chain:PackageStore"] = PackageStore.ToString(),
            ["Gateway:Memo:Chain:Proxy"] = Proxy.ToString(),
            ["Gateway:Memo:Chain:StorePay"] = Proxy.ToString(),
            ["Gateway:Memo:Chain:ReadPay"] = Proxy.ToString(),
            ["Gateway:Memo:Chain:DidRegistry"] = Registry.ToString(),
            ["Gateway:Ethereum:SignerPrivateKey"] = Convert.ToHexStringLower(seller),
            ["Gateway:Memo:Lens:ApiUrl"] = Lens.Endpoint.ToString(),
            ["Gateway:Memo:Storage:Fallback"] = "",
            ["Gateway:Ipfs:ApiUrl"] = Ipfs.ApiUrl,
        };
        foreach (var (key, value) in S3.Settings())
        {
            ChainSettings[key] = value;
        }

        _chain = new GatewayApplication(Azurite, ChainSettings);
        // No fallback here: mefs (not registered) answers 518, ipfs is served by the local backend by name.
        _plain = new GatewayApplication(Azurite, new Dictionary<string, string?>(BaseSettings)
        {
            ["Gateway:Uploads:MaxFileBytes"] = "100000",
            ["Gateway:Memo:Storage:Fallback"] = "",
            ["Gateway:Memo:Storage:Ipfs"] = "local",
        });
        _ = _chain.Services;
        _ = _plain.Services;
    }

    public async Task DisposeAsync()
    {
        if (_chain is not null)
        {
            await _chain.DisposeAsync();
        }

        if (_plain is not null)
        {
            await _plain.DisposeAsync();
        }

        await Lens.DisposeAsync();
        await Ipfs.DisposeAsync();
        await S3.DisposeAsync();
        await Ganache.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Settings every MEMO gateway here has.</summary>
    public static IReadOnlyDictionary<string, string?> BaseSettings { get; } = new Dictionary<string, string?>
    {
        ["Gateway:Memo:JwtSigningKey"] = JwtKey,
        ["Gateway:Memo:Storage:Fallback"] = "local",
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
    };

    /// <summary>A new wallet nobody else uses.</summary>
    public static byte[] NewKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            if (Secp256k1.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }

    /// <summary>Mints test tokens to an address.</summary>
    public async Task MintAsync(EthereumAddress to, BigInteger amount) =>
        Assert.True((await Ganache.SendAsync(SellerKey, Token, Mint.EncodeCall(to, amount))).Succeeded);

    /// <summary>Sends ether for gas to an address.</summary>
    public async Task FundAsync(EthereumAddress to) =>
        Assert.True((await Ganache.SendAsync(SellerKey, to, ReadOnlyMemory<byte>.Empty, BigInteger.Pow(10, 18))).Succeeded);

    /// <summary>Registers a new DID whose master and only authentication key is <paramref name="key"/>'s.</summary>
    public async Task<string> RegisterDidAsync(byte[] key)
    {
        var did = "did:memo:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var publicKey = Secp256k1.GetPublicKey(key);
        Assert.True((await Ganache.SendAsync(SellerKey, Registry, Register.EncodeCall(did, publicKey, new object[] { publicKey }))).Succeeded);
        return did;
    }

    /// <summary>The address of the contract <paramref name="deployer"/> creates with transaction <paramref name="nonce"/> (yellow paper §7).</summary>
    public static EthereumAddress ContractAddress(EthereumAddress deployer, ulong nonce)
    {
        var encoded = Rlp.Encode(RlpItem.FromList([RlpItem.FromAddress(deployer), RlpItem.FromInteger(nonce)]));
        return new EthereumAddress(Keccak256.Hash(encoded).AsSpan(12));
    }

    /// <summary>Decimal text.</summary>
    public static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The MEMO tests: one fixture, run one test at a time (they share account 0's nonce).</summary>
[CollectionDefinition(Name)]
public sealed class MemoCollection : ICollectionFixture<MemoGatewayFixture>
{
    public const string Name = "memo";
}
