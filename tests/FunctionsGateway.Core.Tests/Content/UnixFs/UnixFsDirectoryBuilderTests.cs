using System.Text;
using FunctionsGateway.Core.Content.DagPb;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Tests.Content.Support;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

public sealed class UnixFsDirectoryBuilderTests
{
    [Theory]
    [MemberData(nameof(UnixFsDirectoryBuilderTestVectors.Directories), MemberType = typeof(UnixFsDirectoryBuilderTestVectors))]
    public void Build_PublishedVector_GivesKubosCid(string source, int cidVersion, string? name, string content, string expected)
    {
        var profile = UnixFsProfile.ForKubo(cidVersion);
        var directory = new UnixFsDirectoryBuilder(profile);
        if (name is not null)
        {
            using var file = new UnixFsFileBuilder(profile);
            file.Append(Encoding.UTF8.GetBytes(content));
            var result = file.Complete();
            directory.Add(name, result.Root, result.DagSize);
        }

        var store = new MemoryBlockStore();
        var built = directory.Build(store);

        Assert.True(built.Root.ToString() == expected, $"{source}: expected {expected}, got {built.Root}");
        Assert.Equal([built.Root], store.Puts);
    }

    [Fact]
    public void Build_Entries_SortedByUtf8BytesWithTsizes()
    {
        var cid = Cid.Compute(1, Multicodec.Raw, [1]);
        var directory = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV1_2025);
        foreach (var name in new[] { "b", "\uE000", "a", "B", "😀", "aa" })
        {
            directory.Add(name, cid, 1);
        }

        var built = directory.Build();
        var node = DagPbCodec.Decode(built.Block);

        // Byte order: "B" < "a" < "aa" < "b" < U+E000 (EE 80 80) < U+1F600 (F0 9F 98 80); UTF-16 order would swap the last two.
        Assert.Equal(["B", "a", "aa", "b", "\uE000", "😀"], node.Links.Select(l => l.Name));
        Assert.Equal((ulong)built.Block.Length + 6, built.DagSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("..")]
    public void Add_InvalidName_Throws(string name)
    {
        var directory = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV0_2015);

        Assert.ThrowsAny<ArgumentException>(() => directory.Add(name, Cid.Compute(1, Multicodec.Raw, []), 0));
    }

    [Fact]
    public void Add_LoneSurrogate_Throws()
    {
        var directory = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV0_2015);

        Assert.Throws<ArgumentException>(() => directory.Add(new string('\uD800', 1), Cid.Compute(1, Multicodec.Raw, []), 0));
        Assert.Equal(0, directory.Count);
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        var directory = new UnixFsDirectoryBuilder(UnixFsProfile.UnixFsV0_2015);
        directory.Add("a", Cid.Compute(1, Multicodec.Raw, []), 0);

        Assert.Throws<ArgumentException>(() => directory.Add("a", Cid.Compute(1, Multicodec.Raw, [1]), 1));
    }

    [Theory]
    [InlineData("unixfs-v0-2015", 5_000, false)]
    [InlineData("unixfs-v0-2015", 6_000, true)]
    [InlineData("unixfs-v1-2025", 4_500, false)]
    [InlineData("unixfs-v1-2025", 5_000, true)]
    public void Build_OverHamtThreshold_ThrowsNotSupported(string profileName, int entries, bool over)
    {
        var profile = profileName == "unixfs-v0-2015" ? UnixFsProfile.UnixFsV0_2015 : UnixFsProfile.UnixFsV1_2025;
        var directory = new UnixFsDirectoryBuilder(profile);
        var cid = Cid.Compute(profile.CidVersion, Multicodec.DagPb, []);
        for (var i = 0; i < entries; i++)
        {
            // 10-byte names: links estimate 44 or 46 bytes per entry, block ~55 per entry.
            directory.Add($"entry{i:D5}", cid, 0);
        }

        if (over)
        {
            var e = Assert.Throws<NotSupportedException>(() => directory.Build());
            Assert.Contains("HAMT", e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(directory.Build().Root.IsEmpty);
        }
    }
}
