using System.Text.Json;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Rpc;

/// <summary>The RPC client against chopsticks running CESS's runtime.</summary>
[Collection(ChopsticksCollection.Name)]
public sealed class SubstrateRpcClientTests(ChopsticksFixture chain) : IAsyncLifetime
{
    private static readonly UInt128 Plenty = UInt128.Parse("1000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    private SubstrateRpcClient _rpc = null!;

    public Task InitializeAsync()
    {
        _rpc = chain.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task ChainMethods_CessTestnet_AnswerConsistently()
    {
        Assert.Equal("cess-testnet", await _rpc.GetChainAsync());
        Assert.Equal("0x" + string.Concat(Enumerable.Repeat("45", 32)), await _rpc.GetBlockHashAsync(0)); // chopsticks' genesis hash

        var best = await _rpc.GetHeaderAsync();
        Assert.NotNull(best);
        Assert.True(best.Number >= 2);
        var bestHash = await _rpc.GetBlockHashAsync(best.Number);
        Assert.NotNull(bestHash);
        var block = await _rpc.GetBlockAsync(bestHash);
        Assert.NotNull(block);
        Assert.Equal(best, block.Header);
        Assert.NotEmpty(block.Extrinsics); // the timestamp inherent at least
        Assert.NotEmpty(await _rpc.GetFinalizedHeadAsync());
        Assert.Null(await _rpc.GetBlockHashAsync(1_000_000));

        var version = await _rpc.GetRuntimeVersionAsync(bestHash);
        Assert.Equal(("cess-node", 100u, 1u), (version.SpecName, version.SpecVersion, version.TransactionVersion));

        // System.Number at the best block is that block's number.
        var number = await _rpc.GetStorageAsync(StorageKey.Prefix("System", "Number"), bestHash);
        Assert.Equal(best.Number, BitConverter.ToUInt32(number));
        Assert.Null(await _rpc.GetStorageAsync(StorageKey.Prefix("System", "NoSuchItem")));
    }

    [Fact]
    public async Task GetKeysPagedAsync_SystemAccountPrefix_PagesThroughKeys()
    {
        var prefix = StorageKey.Prefix("System", "Account");
        var first = await _rpc.GetKeysPagedAsync(prefix, 5);
        Assert.Equal(5, first.Count);
        Assert.All(first, key => Assert.Equal(prefix, key[..32]));
        var next = await _rpc.GetKeysPagedAsync(prefix, 5, first[^1]);
        Assert.Empty(next.Intersect(first, new ByteArrayComparer()));
    }

    [Fact]
    public async Task RequestAsync_ManyConcurrent_AllAnswered()
    {
        var hashes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _rpc.GetBlockHashAsync((uint)(i % 3))));
        Assert.Equal(3, hashes.Distinct().Count());
        Assert.All(hashes, Assert.NotNull);
    }

    [Fact]
    public async Task RequestAsync_UnknownMethod_ThrowsRpcError()
    {
        var error = await Assert.ThrowsAsync<SubstrateRpcException>(() => _rpc.RequestAsync("no_suchMethod", []));
        Assert.Equal(SubstrateRpcErrorKind.RpcError, error.Kind);
        Assert.NotNull(error.RpcErrorCode);
    }

    [Fact]
    public async Task SubmitExtrinsicAsync_CorruptedSignature_ThrowsInvalidTransaction()
    {
        var (_, extrinsic) = await SignFundedRemarkAsync(Ed25519Signer.FromSeed(RandomSeed()), "x");
        var bytes = extrinsic.Bytes.ToArray();
        bytes[40] ^= 1; // inside the signature (after length, 0x84, address)

        var error = await Assert.ThrowsAsync<SubstrateRpcException>(() =>
            _rpc.SubmitExtrinsicAsync(new SignedExtrinsic(bytes, extrinsic.Hash)));

        Assert.Equal(SubstrateRpcErrorKind.RpcError, error.Kind);
        Assert.Equal(1010, error.RpcErrorCode); // "Invalid Transaction"
        Assert.Contains("badProof", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SubmitExtrinsicAsync_Valid_ReturnsHashAndIsIncluded()
    {
        var (address, extrinsic) = await SignFundedRemarkAsync(Sr25519Signer.FromMiniSecret(RandomSeed()), "fire and forget");

        var hash = await _rpc.SubmitExtrinsicAsync(extrinsic);

        Assert.Equal(HexString.Encode(extrinsic.Hash.Span), hash);
        await chain.NewBlockAsync();
        Assert.Equal(1u, await _rpc.GetAccountNextIndexAsync(address));
    }

    [Fact]
    public async Task SubmitAndWatchExtrinsicAsync_Remark_ReportsReadyInBlockFinalized()
    {
        var (_, extrinsic) = await SignFundedRemarkAsync(Sr25519Signer.FromMiniSecret(RandomSeed()), "watched");

        await using var watch = await _rpc.SubmitAndWatchExtrinsicAsync(extrinsic);
        var statuses = new List<ExtrinsicStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = Task.Run(async () =>
        {
            await foreach (var status in watch.ReadUpdatesAsync(timeout.Token))
            {
                statuses.Add(status);
            }
        });
        var blockHash = await chain.NewBlockAsync();
        await reading;

        Assert.Equal(ExtrinsicStatusKind.Ready, statuses[0].Kind);
        Assert.Contains(statuses, s => s.Kind == ExtrinsicStatusKind.InBlock && s.BlockHash == blockHash);
        Assert.Equal(new ExtrinsicStatus(ExtrinsicStatusKind.Finalized, blockHash), statuses[^1]);
        Assert.Equal(HexString.Encode(extrinsic.Hash.Span), watch.TransactionHash);
    }

    [Fact]
    public async Task SubscribeAsync_NewHeads_ReceivesBuiltBlock()
    {
        await using var subscription = await _rpc.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads");
        var hash = await chain.NewBlockAsync();
        var expected = await _rpc.GetHeaderAsync(hash);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var header in subscription.ReadAllAsync(timeout.Token))
        {
            if (header.GetProperty("parentHash").GetString() == expected!.ParentHash)
            {
                return;
            }
        }

        Assert.Fail("The new head never arrived.");
    }

    [Fact]
    public async Task RequestAsync_ConnectionDropped_ReconnectsAndRetries()
    {
        await using var relay = new TcpRelay(new Uri(chain.Endpoint).Port);
        await using var rpc = new SubstrateRpcClient(Options.Create(new SubstrateRpcOptions
        {
            Endpoint = $"ws://127.0.0.1:{relay.Port}",
            RetryDelayMilliseconds = 50,
        }));
        Assert.Equal("cess-testnet", await rpc.GetChainAsync());

        relay.DropConnections();

        Assert.Equal("cess-testnet", await rpc.GetChainAsync());
        Assert.True(relay.Accepted >= 2);
    }

    [Fact]
    public async Task RequestAsync_NothingListening_ThrowsTransportError()
    {
        await using var rpc = new SubstrateRpcClient(Options.Create(new SubstrateRpcOptions
        {
            Endpoint = $"ws://127.0.0.1:{FreePorts.Next()}",
            MaxRetries = 1,
            RetryDelayMilliseconds = 10,
        }));

        var error = await Assert.ThrowsAsync<SubstrateRpcException>(() => rpc.GetChainAsync());
        Assert.Equal(SubstrateRpcErrorKind.Transport, error.Kind);
        Assert.True(error.IsTransient);
    }

    /// <summary>Funds the signer's account and signs a <c>System.remark</c> for it (not submitted).</summary>
    private async Task<(string Address, SignedExtrinsic Extrinsic)> SignFundedRemarkAsync(ISubstrateSigner signer, string remark)
    {
        await chain.FundAsync(signer.AccountId, Plenty);
        using var cess = new CessChainClient(_rpc, Options.Create(new CessChainOptions()));
        var extrinsic = await cess.SignAsync(CessCalls.Remark(System.Text.Encoding.UTF8.GetBytes(remark)), signer);
        return (cess.ToAddress(signer.AccountId), extrinsic);
    }

    private static byte[] RandomSeed() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length == 0 ? 0 : obj[^1];
    }
}
