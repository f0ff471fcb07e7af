using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Car;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.Car;

public sealed class CarReaderTests
{
    [Fact]
    public async Task ReadBlocksAsync_CarOfBuiltDag_GivesTheSameBlocks()
    {
        var (root, store) = BuildDag(5000);
        var car = await WriteCarAsync([root], store.Puts.Select(c => new ContentBlock(c, store.Blocks[c])));

        var reader = await CarReader.OpenAsync(new MemoryStream(car));
        var read = new List<ContentBlock>();
        await foreach (var block in reader.ReadBlocksAsync())
        {
            read.Add(block);
        }

        Assert.Equal([root], reader.Header.Roots);
        Assert.Equal(store.Puts, read.Select(b => b.Cid));
        Assert.All(read, b => Assert.Equal(store.Blocks[b.Cid], b.Data.ToArray()));
    }

    [Fact]
    public async Task ReadBlockAsync_TamperedBlock_ThrowsNamingTheCid()
    {
        var block = new byte[] { 1, 2, 3 };
        var cid = Cid.Compute(1, Multicodec.Raw, block);
        var car = await WriteCarAsync([cid], [new ContentBlock(cid, block)]);
        car[^1] ^= 0xff;

        var reader = await CarReader.OpenAsync(new MemoryStream(car));

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadBlockAsync());
        Assert.Contains(cid.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBlockAsync_TruncatedSection_Throws()
    {
        var (root, store) = BuildDag(300);
        var car = await WriteCarAsync([root], store.Puts.Select(c => new ContentBlock(c, store.Blocks[c])));

        var reader = await CarReader.OpenAsync(new MemoryStream(car[..^5]));

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var unused in reader.ReadBlocksAsync())
            {
            }
        });
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBlockAsync_SectionOverLimit_Throws()
    {
        var block = new byte[2000];
        var cid = Cid.Compute(1, Multicodec.Raw, block);
        var car = await WriteCarAsync([cid], [new ContentBlock(cid, block)]);

        var reader = await CarReader.OpenAsync(new MemoryStream(car), new CarReaderOptions { MaxSectionLength = 1024 });

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadBlockAsync());
        Assert.Contains("outside 1…1024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBlockAsync_UnsupportedHash_ThrowsNotSupported()
    {
        var cid = Cid.CreateV1(Multicodec.Raw, Multicodec.Sha2_512, new byte[64]);
        var car = await WriteCarAsync([cid], [new ContentBlock(cid, new byte[] { 1 })]);

        var reader = await CarReader.OpenAsync(new MemoryStream(car));

        var e = await Assert.ThrowsAsync<NotSupportedException>(async () => await reader.ReadBlockAsync());
        Assert.Contains("sha2-512", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBlockAsync_IdentityBlock_VerifiedAgainstDigest()
    {
        var cid = Cid.CreateIdentity(Multicodec.Raw, [7, 7]);
        var car = await WriteCarAsync([cid], [new ContentBlock(cid, new byte[] { 7, 7 })]);

        var reader = await CarReader.OpenAsync(new MemoryStream(car));

        Assert.Equal(cid, (await reader.ReadBlockAsync())!.Value.Cid);
        Assert.Null(await reader.ReadBlockAsync());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("00", "header length 0")]
    [InlineData("80", "varint is truncated")]
    [InlineData("05a2", "header is truncated")]
    [InlineData("0aa16776657273696f6e02", "Unsupported CAR version 2")]
    [InlineData("08a165726f6f747380", "no version")]
    [InlineData("0aa16776657273696f6e01", "no roots")]
    [InlineData("0283ff", "expected major type 5")]
    public async Task OpenAsync_MalformedHeader_Throws(string hex, string reason)
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await CarReader.OpenAsync(new MemoryStream(Convert.FromHexString(hex))));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_EmptyRoots_Accepted()
    {
        var car = await WriteCarAsync([], []);

        var reader = await CarReader.OpenAsync(new MemoryStream(car));

        Assert.Empty(reader.Header.Roots);
        Assert.Null(await reader.ReadBlockAsync());
    }

    [Fact]
    public async Task ReadBlocksAsync_OneByteReads_StillReadsEverySection()
    {
        var (root, store) = BuildDag(2000);
        var car = await WriteCarAsync([root], store.Puts.Select(c => new ContentBlock(c, store.Blocks[c])));

        var reader = await CarReader.OpenAsync(new TrickleStream(car));
        var count = 0;
        await foreach (var unused in reader.ReadBlocksAsync())
        {
            count++;
        }

        Assert.Equal(store.Puts.Count, count);
    }

    internal static (Cid Root, MemoryBlockStore Store) BuildDag(int size)
    {
        var store = new MemoryBlockStore();
        using var builder = new UnixFsFileBuilder(UnixFsProfile.UnixFsV0_2015 with { ChunkSize = 100, MaxLinks = 4 }, store);
        builder.Append(ChaCha20Keystream.Bytes("car", size));
        return (builder.Complete().Root, store);
    }

    internal static async Task<byte[]> WriteCarAsync(IReadOnlyList<Cid> roots, IEnumerable<ContentBlock> blocks)
    {
        var stream = new MemoryStream();
        var writer = await CarWriter.CreateAsync(stream, roots);
        foreach (var block in blocks)
        {
            await writer.WriteBlockAsync(block.Cid, block.Data);
        }

        Assert.Equal(stream.Length, writer.BytesWritten);
        return stream.ToArray();
    }

    // Hands out one byte per read, as a slow network stream might.
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
