using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Events;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Content.Cess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The gateway's own CESS account (the original's <c>AccountSeed</c>): its sr25519 signer, its territory, and the
/// chain reads and calls made for it — space checks, file states, and the territory operations behind
/// <c>/ops/cess/space</c>. <see cref="IsConfigured"/> is false without CESS settings (the development default).
/// Chain failures are <see cref="Chains.Substrate.Rpc.SubstrateRpcException"/>s.
/// </summary>
public sealed class CessAccount(IServiceProvider services, IOptions<CessNetworkOptions> options)
{
    /// <summary>DeOSS reserves 96 MiB of territory per 32 MiB segment (3× redundancy; spec/cess.md §2.1).</summary>
    public const long SpacePerSegment = 96L * 1024 * 1024;

    private readonly Lazy<Sr25519Signer?> _signer = new(() => options.Value.SeedBytes() is { } seed ? Sr25519Signer.FromMiniSecret(seed) : null);

    /// <summary>True when the chain, the seed and the territory are all configured.</summary>
    public bool IsConfigured => services.GetService<CessChainClient>() is not null && _signer.Value is not null && options.Value.Territory.Length > 0;

    public string Territory => options.Value.Territory;

    /// <summary>The account's key.</summary>
    public ISubstrateSigner Signer => _signer.Value ?? throw new InvalidOperationException("Gateway:Cess:AccountSeed is not configured.");

    public CessChainClient Chain => services.GetService<CessChainClient>() ?? throw new InvalidOperationException("Gateway:Cess:Rpc:Endpoint is not configured.");

    /// <summary>The account's SS58 address.</summary>
    public string Address => Chain.ToAddress(Signer.AccountId);

    /// <summary>The account's territory, or null when it has none of that name.</summary>
    public Task<TerritoryInfo?> GetTerritoryAsync(CancellationToken cancellationToken = default) =>
        Chain.GetTerritoryAsync(Address, Territory, cancellationToken);

    /// <summary>
    /// <c>gateway buy</c> of the original (compat.md §1.12) on territories: mints the account's territory of
    /// <paramref name="gibCount"/> GiB for <paramref name="days"/> days. A dispatch failure is an outcome (e.g.
    /// <c>StorageHandler.…</c>); an unreachable or refusing chain throws.
    /// </summary>
    public Task<ExtrinsicOutcome> BuyAsync(uint gibCount, uint days, CancellationToken cancellationToken = default) =>
        Chain.MintTerritoryAsync(Signer, Territory, gibCount, days, cancellationToken);

    /// <summary><c>gateway upgrade</c>: adds <paramref name="gibCount"/> GiB to the territory.</summary>
    public Task<ExtrinsicOutcome> UpgradeAsync(uint gibCount, CancellationToken cancellationToken = default) =>
        Chain.ExpandTerritoryAsync(Signer, Territory, gibCount, cancellationToken);

    /// <summary><c>gateway renewal</c>: extends the territory by <paramref name="days"/> days.</summary>
    public Task<ExtrinsicOutcome> RenewAsync(uint days, CancellationToken cancellationToken = default) =>
        Chain.RenewTerritoryAsync(Signer, Territory, days, cancellationToken);

    /// <summary>The territory space a file of <paramref name="bytes"/> takes while stored: whole segments, three times (at least one).</summary>
    public static UInt128 RequiredSpace(long bytes) => (UInt128)Math.Max(1, (bytes + CessFid.SegmentSize - 1) / CessFid.SegmentSize) * SpacePerSegment;

    /// <summary>True when the territory is active and has room for <paramref name="bytes"/>; throws without a territory (the original's chain error).</summary>
    public async Task<bool> HasSpaceForAsync(long bytes, CancellationToken cancellationToken = default)
    {
        var territory = await GetTerritoryAsync(cancellationToken)
            ?? throw new Chains.Substrate.Rpc.SubstrateRpcException(Chains.Substrate.Rpc.SubstrateRpcErrorKind.Protocol, $"The account has no territory '{Territory}'.");
        return territory.State == TerritoryState.Active && territory.RemainingSpace >= RequiredSpace(bytes);
    }

    /// <summary>
    /// The chain's state of a fid: <c>pending</c> while it is declared (<c>FileBank.DealMap</c>), the
    /// <c>FileBank.File</c> state in lower case once stored (<c>active</c>, …); null when the chain knows neither.
    /// </summary>
    public async Task<string?> GetFileStateAsync(string fid, CancellationToken cancellationToken = default)
    {
        if (await Chain.GetFileAsync(fid, cancellationToken) is { } file)
        {
            return file.State.ToString().ToLowerInvariant();
        }

        return await Chain.GetDealAsync(fid, cancellationToken) is not null ? "pending" : null;
    }
}
