using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Uploads.Tus;

[Collection(AzuriteCollection.Name)]
public sealed class TusUploadServiceTests(AzuriteFixture azurite)
{
    private const string Owner = "owner1";

    private static readonly Dictionary<string, string?> SmallBlocks = new()
    {
        ["Gateway:Uploads:BlockSizeBytes"] = "65536",
        ["Gateway:Uploads:MaxFileBytes"] = "1000000",
    };

    [Fact]
    public async Task AppendAsync_InPieces_BlocksContinueAndTheLastCommitsTheFile()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var session = await tus.CreateAsync(new TusCreation(Owner, bytes.Length, "a.bin", "application/x-test", null));

        var first = await tus.AppendAsync(Owner, session.Id, Patch(0, bytes[..70_000]));
        var last = await tus.AppendAsync(Owner, session.Id, Patch(70_000, bytes[70_000..]));

        Assert.Equal((TusStatus.Ok, 70_000L, 2), (first.Status, first.Session!.Offset, first.Session.BlockCount));
        Assert.Null(first.Session.FileId);
        Assert.Equal((TusStatus.Ok, 200_000L, 4), (last.Status, last.Session!.Offset, last.Session.BlockCount));
        Assert.Null(last.Session.LockId);
        var file = await services.GetRequiredService<FileIndex>().GetAsync(Owner, last.Session.FileId!);
        Assert.Equal(session.Id, file!.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal("application/x-test", file.ContentType);
    }

    [Fact]
    public async Task AppendAsync_WhileAnotherPatchHoldsTheUpload_BusyAndOnlyTheHolderCounts()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var session = await tus.CreateAsync(new TusCreation(Owner, 300_000, null, null, null));
        var held = new ScriptedBodyStream(new byte[100_000], holdFirstRead: true);

        var holder = tus.AppendAsync(Owner, session.Id, new TusPatch(0, 100_000, null, held));
        await held.Started; // the holder reads only after its claim is written
        var second = await tus.AppendAsync(Owner, session.Id, Patch(0, new byte[50_000]));
        var terminate = await tus.TerminateAsync(Owner, session.Id);
        held.Release();
        var first = await holder;

        Assert.Equal(TusStatus.Busy, second.Status);
        Assert.Equal(TusStatus.Busy, terminate.Status);
        Assert.Equal(TusStatus.Ok, first.Status);
        Assert.Equal(100_000, (await tus.GetAsync(Owner, session.Id)).Session!.Offset);
    }

    [Fact]
    public async Task AppendAsync_BodyCutMidway_KeepsEveryByteThatArrived()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var session = await tus.CreateAsync(new TusCreation(Owner, bytes.Length, null, null, null));

        var cut = await tus.AppendAsync(Owner, session.Id, new TusPatch(0, 300_000, null, new ScriptedBodyStream(bytes, failAfter: 150_000)));
        var rest = await tus.AppendAsync(Owner, session.Id, Patch(150_000, bytes[150_000..]));

        Assert.Equal((TusStatus.Ok, 150_000L, 3), (cut.Status, cut.Session!.Offset, cut.Session.BlockCount));
        Assert.Null(cut.Session.LockId);
        Assert.Equal(300_000, rest.Session!.Offset);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (await services.GetRequiredService<FileIndex>().GetAsync(Owner, session.Id))!.Sha256);
    }

    [Fact]
    public async Task AppendAsync_BodyWithChecksumCutMidway_KeepsNothing()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var session = await tus.CreateAsync(new TusCreation(Owner, bytes.Length, null, null, null));
        Assert.True(TusChecksum.TryParse("sha256 " + Convert.ToBase64String(SHA256.HashData(bytes)), out var checksum, out _));

        var cut = await tus.AppendAsync(Owner, session.Id, new TusPatch(0, null, checksum, new ScriptedBodyStream(bytes, failAfter: 80_000)));

        Assert.Equal((TusStatus.Ok, 0L), (cut.Status, cut.Session!.Offset));
        Assert.Null(cut.Session.LockId);
    }

    [Fact]
    public async Task AppendAsync_SlowerThanTheTimeLimit_StopsAndKeepsWhatArrived()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?>(SmallBlocks) { ["Gateway:LargeUploads:TusPatchTimeLimit"] = "00:00:01" });
        var tus = services.GetRequiredService<TusUploadService>();
        var session = await tus.CreateAsync(new TusCreation(Owner, 300_000, null, null, null));

        var stalled = await tus.AppendAsync(Owner, session.Id, new TusPatch(0, null, null, new StallingStream(new byte[70_000])));

        Assert.Equal((TusStatus.Ok, 70_000L), (stalled.Status, stalled.Session!.Offset));
    }

    [Fact]
    public async Task AppendAsync_PastLength_TooLargeAndOffsetUnchanged()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var session = await tus.CreateAsync(new TusCreation(Owner, 100_000, null, null, null));

        var declared = await tus.AppendAsync(Owner, session.Id, Patch(0, new byte[100_001]));
        var undeclared = await tus.AppendAsync(Owner, session.Id, new TusPatch(0, null, null, new MemoryStream(new byte[100_001])));

        Assert.Equal(TusStatus.TooLarge, declared.Status);
        Assert.Equal(TusStatus.TooLarge, undeclared.Status);
        var now = (await tus.GetAsync(Owner, session.Id)).Session!;
        Assert.Equal((0L, 0, null), (now.Offset, now.BlockCount, now.LockId));
    }

    [Fact]
    public async Task AppendAsync_AfterExpiry_Expired()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var services = GatewayServices.Create(azurite, SmallBlocks, s => s.UseTime(clock));
        var tus = services.GetRequiredService<TusUploadService>();
        var session = await tus.CreateAsync(new TusCreation(Owner, 100, null, null, null));

        clock.Advance(TimeSpan.FromHours(24));

        Assert.Equal(TusStatus.Expired, (await tus.AppendAsync(Owner, session.Id, Patch(0, new byte[10]))).Status);
        Assert.Equal(TusStatus.Expired, (await tus.GetAsync(Owner, session.Id)).Status);
        Assert.Equal(TusStatus.Ok, (await tus.TerminateAsync(Owner, session.Id)).Status);
    }

    [Fact]
    public async Task TerminateAsync_Finished_KeepsTheFileAndItsStagedBlob()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);
        var tus = services.GetRequiredService<TusUploadService>();
        var session = await tus.CreateAsync(new TusCreation(Owner, 10, null, null, null));
        await tus.AppendAsync(Owner, session.Id, Patch(0, new byte[10]));

        Assert.Equal(TusStatus.Ok, (await tus.TerminateAsync(Owner, session.Id)).Status);

        Assert.Equal(TusStatus.NotFound, (await tus.GetAsync(Owner, session.Id)).Status);
        Assert.NotNull(await services.GetRequiredService<FileIndex>().GetAsync(Owner, session.Id));
        var names = services.GetRequiredService<StorageNames>();
        Assert.NotNull(await services.GetRequiredService<IBlobStorage>().GetPropertiesAsync(names.StagingContainer, session.StagedBlob));
    }

    [Fact]
    public async Task CreateAsync_OverTheLimit_ThrowsAndCreatesNothing()
    {
        await using var services = GatewayServices.Create(azurite, SmallBlocks);

        await Assert.ThrowsAsync<UploadTooLargeException>(() => services.GetRequiredService<TusUploadService>().CreateAsync(new TusCreation(Owner, 1_000_001, null, null, null)));
    }

    private static TusPatch Patch(long offset, byte[] body) => new(offset, body.Length, null, new MemoryStream(body));

    /// <summary>Hands out its bytes, then never sends another (a client that stalls without closing).</summary>
    private sealed class StallingStream(byte[] data) : ReadOnlyStream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == data.Length)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Read(buffer.Span);
        }

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
