using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Chain;

/// <summary>
/// MEMO's contracts through <see cref="EthereumRpcClient"/> (compat §2.4–§2.7): reads with <c>eth_call</c>, the
/// unsigned transactions <c>/buyspace</c>, <c>/buytraffic</c> and <c>/approve</c> hand to the client, and the
/// transactions the gateway itself signs as the seller. Each operation needs only its own settings; a missing one
/// is a 523 naming it, so with no chain settings at all every chain route answers 523. Node failures surface as
/// <see cref="EthereumRpcException"/>.
/// </summary>
internal sealed class MemoChain
{
    /// <summary>Gas limit of the unsigned transactions (compat §2.5).</summary>
    public const ulong UnsignedGasLimit = 300_000;

    /// <summary>Gas price of the unsigned transactions, 1000 wei (compat §2.5).</summary>
    public static readonly BigInteger UnsignedGasPrice = 1000;

    private const string EndpointSetting = "Gateway:Ethereum:Endpoint";

    private readonly EthereumRpcClient? _client;
    private readonly MemoChainOptions _options;
    private readonly Lazy<Task<ulong>> _chainId;

    private readonly EthereumSignerOptions _signer;

    public MemoChain(IServiceProvider services, IOptions<MemoChainOptions> options, IOptions<EthereumSignerOptions> signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer.Value;
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _client = services.GetService<EthereumRpcClient>();
        _options = options.Value;
        _chainId = new Lazy<Task<ulong>>(() => Client.GetChainIdAsync());
    }

    /// <summary>True when a node is configured (DID logins and vouchers need it).</summary>
    public bool HasNode => _client is not null;

    /// <summary>True when the DID-era payment contracts are configured, so that vouchers are required.</summary>
    public bool HasVouchers => HasNode && _options.Proxy.Length > 0 && _options.StorePay.Length > 0 && _options.ReadPay.Length > 0 && _signer.SignerPrivateKey.Length > 0;

    private EthereumRpcClient Client => _client ?? throw MemoException.NotConfigured(EndpointSetting);

    /// <summary>The seller's (gateway's) address.</summary>
    public EthereumAddress Seller => EthereumAddress.FromPrivateKey(SellerKey());

    /// <summary>ERC-20 <c>balanceOf</c>.</summary>
    public async Task<BigInteger> GetTokenBalanceAsync(EthereumAddress owner, CancellationToken cancellationToken = default) =>
        (BigInteger)(await CallAsync(nameof(MemoChainOptions.TokenContract), _options.TokenContract, MemoContracts.BalanceOf, [owner], cancellationToken))[0]!;

    /// <summary>ERC-20 <c>allowance(owner, StorePay|ReadPay)</c>.</summary>
    public async Task<BigInteger> GetAllowanceAsync(MemoPayKind kind, EthereumAddress owner, CancellationToken cancellationToken = default)
    {
        var token = Contract(_options.TokenContract, nameof(MemoChainOptions.TokenContract));
        return (BigInteger)(await CallAsync(nameof(MemoChainOptions.TokenContract), token.ToString(), MemoContracts.Allowance, [owner, PayAddress(kind)], cancellationToken))[0]!;
    }

    /// <summary><c>getPkgSize(owner, kind)</c>: Buysize, Free, Used, Files.</summary>
    public async Task<MemoPackageSize> GetPackageSizeAsync(EthereumAddress owner, byte kind, CancellationToken cancellationToken = default)
    {
        var values = await CallAsync(nameof(MemoChainOptions.PackageStore), _options.PackageStore, MemoContracts.GetPkgSize, [owner, kind], cancellationToken);
        return new MemoPackageSize((BigInteger)values[0]!, (BigInteger)values[1]!, (BigInteger)values[2]!, (BigInteger)values[3]!);
    }

    /// <summary><c>storeGetPkgInfos()</c>.</summary>
    public async Task<IReadOnlyList<MemoPackageInfo>> GetPackageInfosAsync(CancellationToken cancellationToken = default)
    {
        var list = (object?[])(await CallAsync(nameof(MemoChainOptions.PackageStore), _options.PackageStore, MemoContracts.StoreGetPkgInfos, [], cancellationToken))[0]!;
        return [.. list.Cast<object?[]>().Select(t => new MemoPackageInfo((BigInteger)t[0]!, (int)(BigInteger)t[1]!, (BigInteger)t[2]!, (BigInteger)t[3]!, (int)(BigInteger)t[4]!))];
    }

    /// <summary><c>storeGetBuyPkgs(owner)</c>.</summary>
    public async Task<IReadOnlyList<MemoBoughtPackage>> GetBoughtPackagesAsync(EthereumAddress owner, CancellationToken cancellationToken = default)
    {
        var list = (object?[])(await CallAsync(nameof(MemoChainOptions.PackageStore), _options.PackageStore, MemoContracts.StoreGetBuyPkgs, [owner], cancellationToken))[0]!;
        return [.. list.Cast<object?[]>().Select(t => new MemoBoughtPackage(
            (BigInteger)t[0]!, (BigInteger)t[1]!, (int)(BigInteger)t[2]!, (BigInteger)t[3]!, (BigInteger)t[4]!, (int)(BigInteger)t[5]!))];
    }

    /// <summary>
    /// The seller sends <c>storeBuyPkg(to, pkgId, amount, starttime, chainId)</c> and waits for it to be mined;
    /// true when it succeeded. <c>starttime</c> is the current Unix time (the original passed the current second, 0–59).
    /// </summary>
    public async Task<bool> BuyPackageAsync(EthereumAddress to, ulong packageId, BigInteger amount, string chainId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var store = Contract(_options.PackageStore, nameof(MemoChainOptions.PackageStore));
        var data = MemoContracts.StoreBuyPkg.EncodeCall(to, packageId, amount, (ulong)now.ToUnixTimeSeconds(), chainId);
        var hash = await SendAsSellerAsync(store, data, cancellationToken);
        var receipt = await Client.WaitForReceiptAsync(hash, _options.ReceiptTimeout, cancellationToken);
        return receipt.Succeeded;
    }

    /// <summary><c>spacePayInfo(user)</c> or <c>trafficPayInfo(user)</c>.</summary>
    public async Task<MemoPayInfo> GetPayInfoAsync(MemoPayKind kind, EthereumAddress user, CancellationToken cancellationToken = default)
    {
        var function = kind == MemoPayKind.Space ? MemoContracts.SpacePayInfo : MemoContracts.TrafficPayInfo;
        var tuple = (object?[])(await CallAsync(nameof(MemoChainOptions.Proxy), _options.Proxy, function, [user], cancellationToken))[0]!;
        return new MemoPayInfo((BigInteger)tuple[0]!, (BigInteger)tuple[1]!, (ulong)(BigInteger)tuple[2]!, (ulong)(BigInteger)tuple[3]!, (ulong)(BigInteger)tuple[4]!);
    }

    /// <summary>The voucher hash of compat §2.6 for this gateway as the seller.</summary>
    public byte[] VoucherHash(MemoPayKind kind, BigInteger nonce, ulong sizeByte) =>
        MemoVoucherHash.Compute(PayAddress(kind), nonce, sizeByte, Seller);

    /// <summary>The unsigned <c>buySpace(size, 1, buyer)</c> or <c>buyTraffic(size, buyer)</c> to the Proxy, 0x-hex.</summary>
    public Task<string> BuildPurchaseAsync(MemoPayKind kind, EthereumAddress buyer, ulong size, CancellationToken cancellationToken = default)
    {
        var proxy = Contract(_options.Proxy, nameof(MemoChainOptions.Proxy));
        var data = kind == MemoPayKind.Space
            ? MemoContracts.BuySpace.EncodeCall(size, MemoContracts.DurationDay, buyer)
            : MemoContracts.BuyTraffic.EncodeCall(size, buyer);
        return BuildUnsignedAsync(buyer, proxy, data, cancellationToken);
    }

    /// <summary>The unsigned <c>approve(StorePay|ReadPay, amount)</c> to the token, 0x-hex.</summary>
    public Task<string> BuildApproveAsync(MemoPayKind kind, EthereumAddress owner, BigInteger amount, CancellationToken cancellationToken = default)
    {
        var token = Contract(_options.TokenContract, nameof(MemoChainOptions.TokenContract));
        return BuildUnsignedAsync(owner, token, MemoContracts.Approve.EncodeCall(PayAddress(kind), amount), cancellationToken);
    }

    /// <summary>The seller cashes a voucher: <c>cashSpaceCheck(nonce, size, 1, sign)</c> or <c>cashTrafficCheck(nonce, size, sign)</c>; returns the transaction hash.</summary>
    public Task<string> CashAsync(MemoPayKind kind, BigInteger nonce, ulong sizeByte, byte[] signature, CancellationToken cancellationToken = default)
    {
        var proxy = Contract(_options.Proxy, nameof(MemoChainOptions.Proxy));
        var data = kind == MemoPayKind.Space
            ? MemoContracts.CashSpaceCheck.EncodeCall(nonce, sizeByte, MemoContracts.DurationDay, signature)
            : MemoContracts.CashTrafficCheck.EncodeCall(nonce, sizeByte, signature);
        return SendAsSellerAsync(proxy, data, cancellationToken);
    }

    /// <summary>The receipt of a transaction, or null while it is unknown or pending.</summary>
    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        Client.GetTransactionReceiptAsync(transactionHash, cancellationToken);

    /// <summary>The addresses of a DID's authentication keys (<c>resolver.Dereference(did#authentication)</c>); empty for an unknown DID.</summary>
    public async Task<IReadOnlyList<EthereumAddress>> GetDidAuthenticationAsync(string did, CancellationToken cancellationToken = default)
    {
        var keys = (object?[])(await CallAsync(nameof(MemoChainOptions.DidRegistry), _options.DidRegistry, MemoContracts.GetAuthentication, [did], cancellationToken))[0]!;
        return [.. keys.Cast<byte[]>().Select(AddressOf).OfType<EthereumAddress>()];
    }

    /// <summary>The address of a DID's master key (<c>resolver.GetMasterKey(did)</c>), or null when it has none.</summary>
    public async Task<EthereumAddress?> GetDidMasterAddressAsync(string did, CancellationToken cancellationToken = default)
    {
        var key = (byte[])(await CallAsync(nameof(MemoChainOptions.DidRegistry), _options.DidRegistry, MemoContracts.GetMasterKey, [did], cancellationToken))[0]!;
        return AddressOf(key);
    }

    /// <summary>The pay contract of a kind: StorePay for space, ReadPay for traffic.</summary>
    public EthereumAddress PayAddress(MemoPayKind kind) => kind == MemoPayKind.Space
        ? MemoChainOptions.Require(_options.StorePay, nameof(MemoChainOptions.StorePay))
        : MemoChainOptions.Require(_options.ReadPay, nameof(MemoChainOptions.ReadPay));

    private static EthereumAddress? AddressOf(byte[] publicKey)
    {
        try
        {
            // SEC 1, compressed or not; a registry entry that is no key gives no address rather than a failure.
            return publicKey.Length is 33 or 65 ? EthereumAddress.FromPublicKey(Secp256k1.DecompressPublicKey(publicKey)) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<object?[]> CallAsync(string setting, string contract, AbiFunction function, IReadOnlyList<object?> arguments, CancellationToken cancellationToken)
    {
        return await Client.CallAsync(Contract(contract, setting), function, arguments, BlockParameter.Latest, cancellationToken);
    }

    /// <summary>A contract's address; the node is checked first, so that with no chain settings the 523 names the endpoint.</summary>
    private EthereumAddress Contract(string value, string setting)
    {
        _ = Client;
        return MemoChainOptions.Require(value, setting);
    }

    private async Task<string> BuildUnsignedAsync(EthereumAddress from, EthereumAddress to, byte[] data, CancellationToken cancellationToken)
    {
        var nonce = await Client.GetTransactionCountAsync(from, BlockParameter.Pending, cancellationToken);
        var transaction = new LegacyTransaction { Nonce = nonce, GasPrice = UnsignedGasPrice, GasLimit = UnsignedGasLimit, To = to, Value = 0, Data = data };
        return EthereumHex.EncodeData(transaction.EncodeUnsigned());
    }

    private async Task<string> SendAsSellerAsync(EthereumAddress to, byte[] data, CancellationToken cancellationToken)
    {
        var key = SellerKey();
        var seller = EthereumAddress.FromPrivateKey(key);
        var client = Client;
        // Estimating first turns a call that would revert into an error with its reason, before any gas is spent.
        var gas = await client.EstimateGasAsync(new EthereumCallRequest { From = seller, To = to, Data = data }, cancellationToken);
        var transaction = new LegacyTransaction
        {
            ChainId = await _chainId.Value.WaitAsync(cancellationToken),
            Nonce = await client.GetTransactionCountAsync(seller, BlockParameter.Pending, cancellationToken),
            GasPrice = await client.GetGasPriceAsync(cancellationToken),
            GasLimit = gas + (gas / 5),
            To = to,
            Data = data,
        };
        return await client.SendTransactionAsync(transaction.Sign(key), cancellationToken);
    }

    private byte[] SellerKey() =>
        _signer.TryReadKey(out var key) ? key : throw MemoException.NotConfigured(EthereumSignerOptions.SignerPrivateKeySetting);
}

/// <summary>Which of the two DID-era payments: storage space (StorePay) or download traffic (ReadPay).</summary>
public enum MemoPayKind
{
    Space,
    Traffic,
}

/// <summary>A <c>spacePayInfo</c>/<c>trafficPayInfo</c> tuple (compat §2.7).</summary>
public sealed record MemoPayInfo(BigInteger Nonce, BigInteger Balance, ulong SizeByte, ulong FreeByte, ulong Expire);

/// <summary><c>getPkgSize</c>: bought, free and used bytes and the number of files of one storage kind.</summary>
public sealed record MemoPackageSize(BigInteger Buysize, BigInteger Free, BigInteger Used, BigInteger Files);

/// <summary>One package on sale (<c>storeGetPkgInfos</c>).</summary>
public sealed record MemoPackageInfo(BigInteger Time, int Kind, BigInteger Buysize, BigInteger Amount, int State);

/// <summary>One package bought (<c>storeGetBuyPkgs</c>).</summary>
public sealed record MemoBoughtPackage(BigInteger Starttime, BigInteger Endtime, int Kind, BigInteger Buysize, BigInteger Amount, int State);
