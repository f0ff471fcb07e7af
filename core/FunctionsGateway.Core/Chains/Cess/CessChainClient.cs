using System.Collections.Concurrent;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Events;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Chains.Substrate.Metadata;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// The CESS chain as the gateway uses it (spec/cess.md §1, §2.5; compat.md §1.11–§1.12): territory reads
/// and purchases, file and deal reads, operator authorization and file deletion. Calls are built, signed
/// (sr25519 or ed25519), submitted and watched until included, and reported as an
/// <see cref="ExtrinsicOutcome"/> (success, or the dispatch error by name). At first use the runtime's
/// metadata is read and the pallet and call indices are checked against <see cref="CessRuntimeLayout"/>;
/// a mismatch fails with <see cref="SubstrateRpcErrorKind.RuntimeMismatch"/>. An immutable singleton;
/// failures are <see cref="SubstrateRpcException"/>s.
/// </summary>
/// <example>
/// <code>
/// var outcome = await cess.MintTerritoryAsync(signer, "photos", gibCount: 10, days: 30);
/// if (!outcome.Succeeded) { log(outcome.Error!.QualifiedName); }   // e.g. "StorageHandler.BoundariesNotMet"
/// var territory = await cess.GetTerritoryAsync("cX…", "photos");
/// </code>
/// </example>
public sealed class CessChainClient : IDisposable
{
    private readonly SubstrateRpcClient _rpc;
    private readonly CessChainOptions _options;
    private readonly ILogger _logger;
    private readonly ushort _prefix;
    private readonly SemaphoreSlim _runtimeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _senders = new(StringComparer.Ordinal);
    private CessRuntime? _runtime;

    public CessChainClient(SubstrateRpcClient rpc, IOptions<CessChainOptions> options, ILogger<CessChainClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(options);
        _rpc = rpc;
        _options = options.Value;
        _prefix = (ushort)_options.Ss58Prefix;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The RPC client underneath, for reads this client does not wrap.</summary>
    public SubstrateRpcClient Rpc => _rpc;

    /// <summary>The SS58 address of an account id under the configured prefix.</summary>
    public string ToAddress(ReadOnlySpan<byte> accountId) => Ss58Address.Encode(accountId, _prefix);

    /// <summary>
    /// Reads the runtime version, genesis hash and metadata, and checks the indices this client uses.
    /// Cached; read again when the node reports another spec version.
    /// </summary>
    public async Task<CessRuntime> GetRuntimeAsync(CancellationToken cancellationToken = default)
    {
        var version = await _rpc.GetRuntimeVersionAsync(null, cancellationToken);
        var current = _runtime;
        if (current is not null && current.Version.SpecVersion == version.SpecVersion && current.Version.TransactionVersion == version.TransactionVersion)
        {
            return current;
        }

        await _runtimeLock.WaitAsync(cancellationToken);
        try
        {
            if (_runtime is { } loaded && loaded.Version.SpecVersion == version.SpecVersion && loaded.Version.TransactionVersion == version.TransactionVersion)
            {
                return loaded;
            }

            var runtime = await LoadRuntimeAsync(cancellationToken);
            _runtime = runtime;
            return runtime;
        }
        finally
        {
            _runtimeLock.Release();
        }
    }

    /// <summary><c>StorageHandler.Territory(owner, name)</c>, or null when the owner has no territory of that name.</summary>
    public async Task<TerritoryInfo?> GetTerritoryAsync(string owner, string territoryName, CancellationToken cancellationToken = default)
    {
        var value = await _rpc.GetStorageAsync(CessStorageKeys.Territory(Account(owner), territoryName), null, cancellationToken);
        return value is null ? null : Decode(() => CessValueDecoder.DecodeTerritory(value));
    }

    /// <summary>The names of all territories of <paramref name="owner"/> (reads up to 1000 keys).</summary>
    public async Task<IReadOnlyList<string>> ListTerritoryNamesAsync(string owner, CancellationToken cancellationToken = default)
    {
        var prefix = CessStorageKeys.TerritoriesOf(Account(owner));
        var keys = await _rpc.GetKeysPagedAsync(prefix, 1000, null, null, cancellationToken);
        // key = prefix ‖ blake2_128(SCALE(name)) ‖ SCALE(name)
        return Decode(() => keys.Select(k => new Substrate.Scale.ScaleReader(k.AsMemory(prefix.Length + 16)).ReadString()).ToList());
    }

    /// <summary><c>FileBank.File(fid)</c>: a completely stored file, or null.</summary>
    public async Task<StoredFileInfo?> GetFileAsync(string fileHash, CancellationToken cancellationToken = default)
    {
        var key = CessStorageKeys.File(fileHash);
        var runtime = await GetRuntimeAsync(cancellationToken);
        var value = await _rpc.GetStorageAsync(key, null, cancellationToken);
        return value is null ? null : Decode(() => runtime.Values.DecodeFile(value));
    }

    /// <summary><c>FileBank.DealMap(fid)</c>: a declared upload still waiting for miners, or null.</summary>
    public async Task<DealInfo?> GetDealAsync(string fileHash, CancellationToken cancellationToken = default)
    {
        var key = CessStorageKeys.DealMap(fileHash);
        var runtime = await GetRuntimeAsync(cancellationToken);
        var value = await _rpc.GetStorageAsync(key, null, cancellationToken);
        return value is null ? null : Decode(() => runtime.Values.DecodeDeal(value));
    }

    /// <summary><c>FileBank.UserHoldFileList(owner)</c>: the owner's stored files (empty when none).</summary>
    public async Task<IReadOnlyList<UserFileSlice>> GetUserHoldFilesAsync(string owner, CancellationToken cancellationToken = default)
    {
        var value = await _rpc.GetStorageAsync(CessStorageKeys.UserHoldFileList(Account(owner)), null, cancellationToken);
        return value is null ? [] : Decode(() => CessValueDecoder.DecodeUserHoldFileList(value));
    }

    /// <summary><c>Oss.AuthorityList(owner)</c>: the operators (SS58) the owner authorized (empty when none).</summary>
    public async Task<IReadOnlyList<string>> GetAuthorizedOperatorsAsync(string owner, CancellationToken cancellationToken = default)
    {
        var key = CessStorageKeys.AuthorityList(Account(owner));
        var runtime = await GetRuntimeAsync(cancellationToken);
        var value = await _rpc.GetStorageAsync(key, null, cancellationToken);
        return value is null ? [] : Decode(() => runtime.Values.DecodeAccountList(value));
    }

    /// <summary>Buys a territory of <paramref name="gibCount"/> GiB for <paramref name="days"/> days (≥ 30) for the signer.</summary>
    public Task<ExtrinsicOutcome> MintTerritoryAsync(ISubstrateSigner signer, string territoryName, uint gibCount, uint days, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.MintTerritory(gibCount, territoryName, days), signer, cancellationToken);

    /// <summary>Adds <paramref name="gibCount"/> GiB to an active territory of the signer.</summary>
    public Task<ExtrinsicOutcome> ExpandTerritoryAsync(ISubstrateSigner signer, string territoryName, uint gibCount, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.ExpandTerritory(territoryName, gibCount), signer, cancellationToken);

    /// <summary>Extends a territory of the signer by <paramref name="days"/> days.</summary>
    public Task<ExtrinsicOutcome> RenewTerritoryAsync(ISubstrateSigner signer, string territoryName, uint days, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.RenewTerritory(territoryName, days), signer, cancellationToken);

    /// <summary><c>Oss.authorize</c>: the signer lets <paramref name="operatorAddress"/> (e.g. the gateway or a DeOSS) act for it.</summary>
    public Task<ExtrinsicOutcome> AuthorizeAsync(ISubstrateSigner signer, string operatorAddress, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.Authorize(Account(operatorAddress)), signer, cancellationToken);

    /// <summary><c>Oss.cancel_authorize</c>.</summary>
    public Task<ExtrinsicOutcome> CancelAuthorizeAsync(ISubstrateSigner signer, string operatorAddress, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.CancelAuthorize(Account(operatorAddress)), signer, cancellationToken);

    /// <summary><c>FileBank.delete_file</c>: deletes <paramref name="fileHash"/> of <paramref name="owner"/> (the signer or its operator).</summary>
    public Task<ExtrinsicOutcome> DeleteFileAsync(ISubstrateSigner signer, string owner, string fileHash, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.DeleteFile(Account(owner), fileHash), signer, cancellationToken);

    /// <summary><c>System.remark</c>: a transaction that does nothing but cost a fee (useful to check a key and the connection).</summary>
    public Task<ExtrinsicOutcome> RemarkAsync(ISubstrateSigner signer, ReadOnlyMemory<byte> remark, CancellationToken cancellationToken = default) =>
        SubmitAsync(CessCalls.Remark(remark.Span), signer, cancellationToken);

    /// <summary>
    /// Signs <paramref name="call"/> for the signer's next nonce without submitting it (the era, nonce and
    /// versions as <see cref="SubmitAsync"/> would use).
    /// </summary>
    public async Task<SignedExtrinsic> SignAsync(byte[] call, ISubstrateSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var runtime = await GetRuntimeAsync(cancellationToken);
        return await BuildAsync(runtime, call, signer, cancellationToken);
    }

    /// <summary>
    /// Signs and submits any encoded call, waits until it is in a block (or finalized, per options) and
    /// reads its events. A dispatch failure is an outcome; a rejected or unincluded transaction throws.
    /// </summary>
    public async Task<ExtrinsicOutcome> SubmitAsync(byte[] call, ISubstrateSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(signer);
        var runtime = await GetRuntimeAsync(cancellationToken);
        var account = ToAddress(signer.AccountId);

        // One submission per sender at a time, so that two calls never take the same nonce.
        var sender = _senders.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        ExtrinsicWatch watch;
        SignedExtrinsic extrinsic;
        await sender.WaitAsync(cancellationToken);
        try
        {
            extrinsic = await BuildAsync(runtime, call, signer, cancellationToken);
            watch = await _rpc.SubmitAndWatchExtrinsicAsync(extrinsic, cancellationToken);
        }
        finally
        {
            sender.Release();
        }

        await using (watch)
        {
            CessChainLog.Submitted(_logger, watch.TransactionHash, account);
            var blockHash = await WaitForInclusionAsync(watch, cancellationToken);
            var outcome = await ReadOutcomeAsync(runtime, extrinsic, blockHash, cancellationToken);
            CessChainLog.Included(_logger, outcome.TransactionHash, outcome.BlockNumber, outcome.Error?.QualifiedName ?? "success");
            return outcome;
        }
    }

    public void Dispose()
    {
        _runtimeLock.Dispose();
        foreach (var sender in _senders.Values)
        {
            sender.Dispose();
        }
    }

    private async Task<SignedExtrinsic> BuildAsync(CessRuntime runtime, byte[] call, ISubstrateSigner signer, CancellationToken cancellationToken)
    {
        var nonce = await _rpc.GetAccountNextIndexAsync(ToAddress(signer.AccountId), cancellationToken);
        var era = ExtrinsicEra.Immortal;
        ReadOnlyMemory<byte> eraBlockHash = runtime.GenesisHash;
        if (_options.EraPeriod > 0)
        {
            var best = await _rpc.GetHeaderAsync(null, cancellationToken)
                ?? throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, "The node has no best block.");
            era = ExtrinsicEra.Mortal((ulong)_options.EraPeriod, best.Number);
            var birth = era.BirthBlock(best.Number);
            var birthHash = await _rpc.GetBlockHashAsync((uint)birth, cancellationToken)
                ?? throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"The node has no hash for block {birth}.");
            eraBlockHash = HexString.Decode(birthHash);
        }

        var parameters = new TransactionParameters(
            runtime.Version.SpecVersion, runtime.Version.TransactionVersion, runtime.GenesisHash, era, eraBlockHash, nonce, UInt128.Zero);
        return SignedExtrinsicBuilder.Build(call, signer, runtime.Extensions, parameters);
    }

    private async Task<string> WaitForInclusionAsync(ExtrinsicWatch watch, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.InclusionTimeoutSeconds));
        string? inBlock = null;
        try
        {
            await foreach (var status in watch.ReadUpdatesAsync(timeout.Token))
            {
                switch (status.Kind)
                {
                    case ExtrinsicStatusKind.InBlock:
                        inBlock = status.BlockHash;
                        if (!_options.WaitForFinalization)
                        {
                            return inBlock!;
                        }

                        break;
                    case ExtrinsicStatusKind.Finalized:
                        return status.BlockHash!;
                    case ExtrinsicStatusKind.Retracted:
                        inBlock = null;
                        break;
                    case ExtrinsicStatusKind.FinalityTimeout when inBlock is not null:
                        return inBlock;
                    case ExtrinsicStatusKind.Dropped or ExtrinsicStatusKind.Invalid or ExtrinsicStatusKind.Usurped or ExtrinsicStatusKind.FinalityTimeout:
                        throw new SubstrateRpcException(SubstrateRpcErrorKind.TransactionRejected,
                            $"Transaction {watch.TransactionHash} was {status.Kind.ToString().ToLowerInvariant()} by the pool.");
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Timeout,
                $"Transaction {watch.TransactionHash} was not included within {_options.InclusionTimeoutSeconds} s.", e);
        }

        throw new SubstrateRpcException(SubstrateRpcErrorKind.Transport, $"The watch of {watch.TransactionHash} ended before inclusion.");
    }

    private async Task<ExtrinsicOutcome> ReadOutcomeAsync(CessRuntime runtime, SignedExtrinsic extrinsic, string blockHash, CancellationToken cancellationToken)
    {
        var block = await _rpc.GetBlockAsync(blockHash, cancellationToken)
            ?? throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"Block {blockHash} is unknown to the node.");
        var index = -1;
        for (var i = 0; i < block.Extrinsics.Count; i++)
        {
            if (block.Extrinsics[i].AsSpan().SequenceEqual(extrinsic.Bytes.Span))
            {
                index = i;
                break;
            }
        }

        var transactionHash = HexString.Encode(extrinsic.Hash.Span);
        if (index < 0)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"Transaction {transactionHash} is not in block {blockHash}.");
        }

        var eventsValue = await _rpc.GetStorageAsync(EventRecordDecoder.StorageKey, blockHash, cancellationToken) ?? [];
        var events = Decode(() => EventRecordDecoder.Decode(runtime.Metadata, eventsValue))
            .Where(e => e.ExtrinsicIndex == (uint)index)
            .ToList();
        var failed = events.FirstOrDefault(e => e is { Pallet: "System", Name: "ExtrinsicFailed" });
        DispatchError? error = null;
        if (failed is not null)
        {
            var dispatchError = failed.Field("dispatch_error") ?? failed.Data.FieldAt(0);
            error = Decode(() => DispatchError.FromValue(runtime.Metadata, dispatchError));
        }
        else if (!events.Any(e => e is { Pallet: "System", Name: "ExtrinsicSuccess" }))
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"Block {blockHash} reports neither success nor failure for {transactionHash}.");
        }

        return new ExtrinsicOutcome(transactionHash, blockHash, block.Header.Number, index, error, events);
    }

    private async Task<CessRuntime> LoadRuntimeAsync(CancellationToken cancellationToken)
    {
        var genesis = await _rpc.GetBlockHashAsync(0, cancellationToken)
            ?? throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, "The node has no genesis block hash.");
        var bestHash = await _rpc.GetBlockHashAsync(null, cancellationToken)
            ?? throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, "The node has no best block.");
        // Version and metadata of one block, so that they agree even across a runtime upgrade.
        var version = await _rpc.GetRuntimeVersionAsync(bestHash, cancellationToken);
        var metadataBytes = await _rpc.GetMetadataAsync(bestHash, cancellationToken);
        var metadata = Decode(() => RuntimeMetadataParser.Parse(metadataBytes));

        var problems = CessRuntimeLayout.FindMismatches(metadata).ToList();
        TransactionExtensionLayout? extensions = null;
        try
        {
            extensions = TransactionExtensionLayout.FromMetadata(metadata);
        }
        catch (NotSupportedException e)
        {
            problems.Add(e.Message);
        }

        if (metadata.ExtrinsicVersion != 4)
        {
            problems.Add($"extrinsic version is {metadata.ExtrinsicVersion}, expected 4");
        }

        if (problems.Count > 0 || extensions is null)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.RuntimeMismatch,
                $"The runtime {version.SpecName} spec {version.SpecVersion} does not match this client: {string.Join("; ", problems)}.");
        }

        var chain = await _rpc.GetChainAsync(cancellationToken);
        CessChainLog.RuntimeLoaded(_logger, chain, version.SpecName, version.SpecVersion, version.TransactionVersion);
        var values = new CessValueDecoder(_prefix, CessRuntimeLayout.UserBriefHasBucketName(metadata));
        return new CessRuntime(version, HexString.Decode(genesis), metadata, extensions, values);
    }

    private static byte[] Account(string address)
    {
        try
        {
            return Ss58Address.DecodeAccountId(address);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(address), e);
        }
    }

    private static T Decode<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentOutOfRangeException or InvalidCastException)
        {
            throw new SubstrateRpcException(SubstrateRpcErrorKind.Protocol, $"Chain data could not be decoded: {e.Message}", e);
        }
    }
}
