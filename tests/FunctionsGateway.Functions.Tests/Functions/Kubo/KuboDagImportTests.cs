using System.Security.Cryptography;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary><c>dag/import</c> with CARs written by the CAR writer: imported roots are served and pinned; one bad block rejects the whole request.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KuboDagImportTests(SharedGatewayApplication shared) : IClassFixture<SharedGatewayApplication>
{
    [Fact]
    public async Task DagImport_ValidCar_RootLine_ContentServed_RootPinned()
    {
        var (client, _, _) = await shared.App.CreateUserClientAsync("importer");
        var dag = Dag.Create("a.txt", "imported alpha"u8.ToArray(), "b.txt", RandomNumberGenerator.GetBytes(5000));
        using var form = Form(await dag.CarAsync());

        var lines = await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "dag/import", form));
        using var served = await shared.App.CreateClient().GetAsync($"/ipfs/{dag.Root}/a.txt");
        var pins = (await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls"))).Single();

        var line = Assert.Single(lines);
        Assert.Equal(dag.Root.ToString(), line.GetProperty("Root").GetProperty("Cid").GetProperty("/").GetString());
        Assert.Equal("", line.GetProperty("Root").GetProperty("PinErrorMsg").GetString());
        Assert.Equal("imported alpha", await served.Content.ReadAsStringAsync());
        Assert.Equal("recursive", pins.GetProperty("Keys").GetProperty(dag.Root.ToString()).GetProperty("Type").GetString());
    }

    [Fact]
    public async Task DagImport_OneTamperedBlockInTheSecondCar_400NamingItsCid_NothingOfEitherCarKept()
    {
        var good = Dag.Create("good.txt", "good bytes"u8.ToArray(), "other.txt", RandomNumberGenerator.GetBytes(3000));
        var bad = Dag.Create("bad.txt", "bad bytes, soon"u8.ToArray(), "more.txt", RandomNumberGenerator.GetBytes(4000));
        var victim = bad.Blocks.Keys.First(c => c != bad.Root);
        bad.Blocks[victim] = [.. bad.Blocks[victim][..^1], (byte)(bad.Blocks[victim][^1] ^ 0xFF)];
        using var form = Form(await good.CarAsync(), await bad.CarAsync());

        var message = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, "dag/import", form), 400);

        Assert.Contains($"Block {victim} does not match its CID", message, StringComparison.Ordinal);
        Assert.Contains("nothing of the import was stored", message, StringComparison.Ordinal);
        var blocks = shared.App.Services.GetRequiredService<BlobBlockStore>();
        foreach (var cid in good.Blocks.Keys.Concat(bad.Blocks.Keys))
        {
            Assert.False(await blocks.HasAsync(cid), $"{cid} was stored");
        }

        var names = shared.App.Services.GetRequiredService<StorageNames>();
        var staged = await shared.App.Services.GetRequiredService<IBlobStorage>().ListAsync(names.StagingContainer).ToListAsync();
        Assert.DoesNotContain(staged, b => b.Name.Contains("/import-", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await shared.App.CreateClient().GetAsync($"/ipfs/{good.Root}")).StatusCode);
    }

    [Fact]
    public async Task DagImport_PinRootsFalseWithStats_OnlyTheStatsLine_NothingPinned()
    {
        var (client, _, _) = await shared.App.CreateUserClientAsync("stats");
        var dag = Dag.Create("s.txt", "stats"u8.ToArray(), "t.txt", RandomNumberGenerator.GetBytes(100));
        using var form = Form(await dag.CarAsync());

        var lines = await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "dag/import?pin-roots=false&stats=true", form));

        var stats = Assert.Single(lines).GetProperty("Stats");
        Assert.Equal(dag.Blocks.Count, stats.GetProperty("BlockCount").GetInt64());
        Assert.Equal(dag.Blocks.Values.Sum(b => (long)b.Length), stats.GetProperty("BlockBytesCount").GetInt64());
        Assert.Empty((await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(client, "pin/ls"))).Single().GetProperty("Keys").EnumerateObject());
    }

    [Fact]
    public async Task DagImport_RootNotInTheCar_ItsPinErrorMessage()
    {
        var dag = Dag.Create("x.txt", "x"u8.ToArray(), "y.txt", "y"u8.ToArray());
        var absent = Cid.Compute(1, Multicodec.Raw, "never stored"u8);
        using var form = Form(await dag.CarAsync(roots: [dag.Root, absent]));

        var lines = await KuboRpc.ReadLinesAsync(await KuboRpc.PostAsync(shared.User, "dag/import", form));

        Assert.Equal(2, lines.Count);
        Assert.Equal($"block was not found locally (offline): ipld: could not find {absent}", lines[1].GetProperty("Root").GetProperty("PinErrorMsg").GetString());
    }

    [Fact]
    public async Task DagImport_NotACar_400()
    {
        using var form = Form("not a car at all"u8.ToArray());

        var message = await KuboRpc.ReadErrorAsync(await KuboRpc.PostAsync(shared.User, "dag/import", form), 400);

        Assert.Contains("Malformed CAR", message, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(params byte[][] cars)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < cars.Length; i++)
        {
            form.Add(KuboRpc.Part($"dag{i}.car", new ByteArrayContent(cars[i]), "application/octet-stream"));
        }

        return form;
    }

    // A directory of two files, every block kept, written as a CAR in depth-first order.
    private sealed class Dag : IBlockSink
    {
        public Dictionary<Cid, byte[]> Blocks { get; } = [];

        public Cid Root { get; private set; }

        public static Dag Create(string firstName, byte[] first, string secondName, byte[] second)
        {
            var dag = new Dag();
            var profile = UnixFsProfile.ForKubo(1, 1024);
            var directory = new UnixFsDirectoryBuilder(profile);
            foreach (var (name, bytes) in new[] { (firstName, first), (secondName, second) })
            {
                using var file = new UnixFsFileBuilder(profile, dag);
                file.Append(bytes);
                var result = file.Complete();
                directory.Add(name, result.Root, result.DagSize);
            }

            dag.Root = directory.Build(dag).Root;
            return dag;
        }

        public void Put(Cid cid, ReadOnlyMemory<byte> block) => Blocks[cid] = block.ToArray();

        public async Task<byte[]> CarAsync(IReadOnlyList<Cid>? roots = null)
        {
            using var stream = new MemoryStream();
            var car = await CarWriter.CreateAsync(stream, roots ?? [Root]);
            foreach (var (cid, block) in Blocks.Reverse())
            {
                await car.WriteBlockAsync(cid, block);
            }

            return stream.ToArray();
        }
    }
}
