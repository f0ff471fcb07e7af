using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Chains.Substrate.Scale;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Chains.Cess;

/// <summary>The CESS client against CESS's real runtime (spec 100, testnet genesis) under chopsticks.</summary>
[Collection(ChopsticksCollection.Name)]
public sealed class CessChainClientTests(ChopsticksFixture chain) : IAsyncLifetime
{
    private static readonly UInt128 Plenty = UInt128.Parse("1000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture); // 10^6 TCESS

    private SubstrateRpcClient _rpc = null!;
    private CessChainClient _cess = null!;

    public Task InitializeAsync()
    {
        _rpc = chain.CreateClient();
        _cess = new CessChainClient(_rpc, Options.Create(new CessChainOptions()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _cess.Dispose();
        await _rpc.DisposeAsync();
    }

    [Fact]
    public async Task GetRuntimeAsync_TestnetGenesis_VerifiesLayoutAndReadsVersion()
    {
        var runtime = await _cess.GetRuntimeAsync();

        Assert.Equal("cess-node", runtime.Version.SpecName);
        Assert.Equal(100u, runtime.Version.SpecVersion);
        Assert.Equal(1u, runtime.Version.TransactionVersion);
        Assert.Equal(14, runtime.Metadata.Version);
        Assert.Equal(TransactionExtensionLayout.Cess.Identifiers, runtime.Extensions.Identifiers);
        Assert.Equal(Enumerable.Repeat((byte)0x45, 32).ToArray(), runtime.GenesisHash.ToArray());
        Assert.True(CessRuntimeLayout.UserBriefHasBucketName(runtime.Metadata));
        Assert.Empty(CessRuntimeLayout.FindMismatches(runtime.Metadata));
    }

    [Fact]
    public async Task SignAsync_Ed25519SeedThreeAuthorize_MatchesSpecVector()
    {
        // spec/cess.md §4.3: immortal era, nonce 0, tip 0, spec 100, tx 1, genesis 0x45…45.
        var immortal = new CessChainClient(_rpc, Options.Create(new CessChainOptions { EraPeriod = 0 }));
        var signer = Ed25519Signer.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray());
        var operatorKey = Ed25519KeyPair.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());

        var extrinsic = await immortal.SignAsync(CessCalls.Authorize(operatorKey.PublicKey), signer);

        Assert.Equal(CessTestVectors.AuthorizeExtrinsic, Convert.ToHexStringLower(extrinsic.Bytes.Span));
        Assert.Equal(CessTestVectors.AuthorizeTransactionHash, HexString.Encode(extrinsic.Hash.Span));
    }

    [Fact]
    public async Task RemarkAsync_Sr25519Account_SucceedsAndAdvancesNonce()
    {
        var signer = Sr25519Signer.FromMiniSecret(RandomSeed());
        await chain.FundAsync(signer.AccountId, Plenty);

        var outcome = await chain.IncludeAsync(() => _cess.RemarkAsync(signer, "hello cess"u8.ToArray()));

        Assert.True(outcome.Succeeded, outcome.Error?.QualifiedName);
        Assert.NotNull(outcome.FindEvent("System", "ExtrinsicSuccess"));
        Assert.Equal(1u, await _rpc.GetAccountNextIndexAsync(_cess.ToAddress(signer.AccountId)));
    }

    [Fact]
    public async Task MintExpandRenewTerritory_Ed25519Account_UpdatesTerritory()
    {
        var signer = Ed25519Signer.FromSeed(RandomSeed());
        var owner = _cess.ToAddress(signer.AccountId);
        await chain.FundAsync(signer.AccountId, Plenty);
        await chain.PrepareTerritoryMintAsync();

        var minted = await chain.IncludeAsync(() => _cess.MintTerritoryAsync(signer, "terr1", 10, 30));
        Assert.True(minted.Succeeded, minted.Error?.QualifiedName);
        Assert.NotNull(minted.FindEvent("StorageHandler", "MintTerritory"));

        var territory = await _cess.GetTerritoryAsync(owner, "terr1");
        Assert.NotNull(territory);
        Assert.Equal(10UL * 1024 * 1024 * 1024, territory.TotalSpace);
        Assert.Equal(territory.TotalSpace, territory.RemainingSpace);
        Assert.Equal(TerritoryState.Active, territory.State);
        Assert.Equal(territory.Start + (30u * 14_400), territory.Deadline);

        var expanded = await chain.IncludeAsync(() => _cess.ExpandTerritoryAsync(signer, "terr1", 5));
        Assert.True(expanded.Succeeded, expanded.Error?.QualifiedName);
        var renewed = await chain.IncludeAsync(() => _cess.RenewTerritoryAsync(signer, "terr1", 30));
        Assert.True(renewed.Succeeded, renewed.Error?.QualifiedName);

        var after = await _cess.GetTerritoryAsync(owner, "terr1");
        Assert.NotNull(after);
        Assert.Equal(15UL * 1024 * 1024 * 1024, after.TotalSpace);
        Assert.Equal(territory.Deadline + (30u * 14_400), after.Deadline);
        Assert.Equal(["terr1"], await _cess.ListTerritoryNamesAsync(owner));
        Assert.Null(await _cess.GetTerritoryAsync(owner, "other"));
    }

    [Fact]
    public async Task MintTerritoryAsync_TooFewDays_ReportsDispatchErrorByName()
    {
        var signer = Sr25519Signer.FromMiniSecret(RandomSeed());
        await chain.FundAsync(signer.AccountId, Plenty);
        await chain.PrepareTerritoryMintAsync();

        var outcome = await chain.IncludeAsync(() => _cess.MintTerritoryAsync(signer, "short", 1, 1));

        Assert.False(outcome.Succeeded);
        Assert.Equal("StorageHandler", outcome.Error!.Pallet);
        Assert.Equal("BoundariesNotMet", outcome.Error.Name);
        Assert.Equal((byte)CessRuntimeLayout.StorageHandlerPallet, outcome.Error.PalletIndex);
    }

    [Fact]
    public async Task AuthorizeAsync_Sr25519User_ListsOperator()
    {
        var user = Sr25519Signer.FromMiniSecret(RandomSeed());
        var gateway = Sr25519Signer.FromMiniSecret(RandomSeed());
        await chain.FundAsync(user.AccountId, Plenty);
        var owner = _cess.ToAddress(user.AccountId);
        Assert.Empty(await _cess.GetAuthorizedOperatorsAsync(owner));

        var outcome = await chain.IncludeAsync(() => _cess.AuthorizeAsync(user, _cess.ToAddress(gateway.AccountId)));

        Assert.True(outcome.Succeeded, outcome.Error?.QualifiedName);
        Assert.Equal([_cess.ToAddress(gateway.AccountId)], await _cess.GetAuthorizedOperatorsAsync(owner));
    }

    [Fact]
    public async Task DeleteFileAsync_NonExistentFile_ReportsFileBankError()
    {
        var signer = Ed25519Signer.FromSeed(RandomSeed());
        await chain.FundAsync(signer.AccountId, Plenty);
        var fid = Convert.ToHexStringLower(RandomSeed());

        var outcome = await chain.IncludeAsync(() => _cess.DeleteFileAsync(signer, _cess.ToAddress(signer.AccountId), fid));

        Assert.False(outcome.Succeeded);
        Assert.Equal("FileBank", outcome.Error!.Pallet);
        Assert.Equal(CessTestVectors.DeleteMissingFileError, outcome.Error.Name);
    }

    [Fact]
    public async Task GetFileAndHoldList_ValuesWrittenToStorage_Decode()
    {
        var owner = Sr25519Signer.FromMiniSecret(RandomSeed());
        var miner = Sr25519Signer.FromMiniSecret(RandomSeed());
        var address = _cess.ToAddress(owner.AccountId);
        var fid = CessTestVectors.HelloFid;
        var segment = CessTestVectors.HelloSegmentHash;
        var ascii = Encoding.ASCII;

        // FileInfo{segment_list: [{hash, [FragmentInfo{hash, avail, tag: Some(7), miner}]}], owner: [UserBrief], file_size, completion, stat: Active}
        var file = new ScaleWriter()
            .WriteCompact(1).WriteRaw(ascii.GetBytes(segment))
            .WriteCompact(1).WriteRaw(ascii.GetBytes(segment)).WriteBool(true).WriteU8(1).WriteU32(7).WriteRaw(miner.AccountId)
            .WriteCompact(1).WriteRaw(owner.AccountId).WriteString("hello.txt").WriteString("bucket1").WriteString("terr1")
            .WriteU128(5).WriteU32(3).WriteU8(0)
            .ToArray();
        var hold = new ScaleWriter().WriteCompact(1).WriteString("terr1").WriteRaw(ascii.GetBytes(fid)).WriteU128(5).ToArray();
        await chain.SetStorageAsync((CessStorageKeys.File(fid), file), (CessStorageKeys.UserHoldFileList(owner.AccountId), hold));
        await chain.NewBlockAsync();

        var stored = await _cess.GetFileAsync(fid);
        Assert.NotNull(stored);
        Assert.Equal(CessFileState.Active, stored.State);
        Assert.Equal((UInt128)5, stored.FileSize);
        Assert.Equal(3u, stored.Completion);
        Assert.Equal(new UserBrief(address, "hello.txt", "bucket1", "terr1"), stored.Owners.Single());
        var fragment = stored.Segments.Single().Fragments.Single();
        Assert.Equal(new FragmentInfo(segment, true, 7, _cess.ToAddress(miner.AccountId)), fragment);
        Assert.Equal([new UserFileSlice("terr1", fid, 5)], await _cess.GetUserHoldFilesAsync(address));
        Assert.Null(await _cess.GetDealAsync(fid));
        Assert.Empty(await _cess.GetUserHoldFilesAsync(_cess.ToAddress(miner.AccountId)));
    }

    private static byte[] RandomSeed() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
}
