using System.Text;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Tests.Content.UnixFs;

/// <summary>
/// Published Kubo CIDs for small files (spec/standards.md §4, "Test vectors"; each row names its source).
/// Not included, because this library does not implement their settings: the sha2-512 CIDv1 of
/// <c>hello world</c> (add_test.go), the trickle CID of <c>Hello Worlds!\n</c> (QmUkUQ…), the rabin and buzhash
/// chunkers, and js-ipfs-unixfs's go-parity vectors, whose inputs need its own PRNG.
/// </summary>
public static class UnixFsFileBuilderTestVectors
{
    private static readonly UnixFsProfile V0 = UnixFsProfile.UnixFsV0_2015;
    private static readonly UnixFsProfile V1Raw = UnixFsProfile.ForKubo(cidVersion: 1);
    private static readonly UnixFsProfile V1DagPbLeaves = UnixFsProfile.ForKubo(cidVersion: 1, rawLeaves: false);

    /// <summary>(source, content, profile, expected CID, Kubo's reported Size).</summary>
    public static TheoryData<string, string, int, int, bool, string> Files => new()
    {
        // ipfs/kubo:test/sharness/t0040-add-and-cat.sh (ZEROHASH)
        { "t0040 ZEROHASH", "", 0, UnixFsProfile.DefaultChunkSize, false, "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH" },
        // ipfs/kubo:test/cli/add_test.go
        { "add_test.go v0", "hello world", 0, UnixFsProfile.DefaultChunkSize, false, "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD" },
        { "add_test.go cid-version=1", "hello world", 1, UnixFsProfile.DefaultChunkSize, true, "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e" },
        { "add_test.go cid-version=1 raw-leaves=false", "hello world", 1, UnixFsProfile.DefaultChunkSize, false, "bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa" },
        // ipfs/kubo:test/sharness/t0040-add-and-cat.sh (default, size-32, size-64 give the same CID)
        { "t0040 Hello Worlds", "Hello Worlds!\n", 0, UnixFsProfile.DefaultChunkSize, false, "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH" },
        { "t0040 Hello Worlds size-32", "Hello Worlds!\n", 0, 32, false, "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH" },
        { "t0040 Hello Worlds size-64", "Hello Worlds!\n", 0, 64, false, "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH" },
        { "t0040 IPFS", "IPFS\n", 0, UnixFsProfile.DefaultChunkSize, false, "QmdFyxZXsFiP4csgfM5uPu99AvFiKH62CSPDw5TP92nr7w" },
        { "t0040 Venus", "Hello Venus!\n", 0, UnixFsProfile.DefaultChunkSize, false, "QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4" },
        { "t0040 Jupiter", "Hello Jupiter!\n", 0, UnixFsProfile.DefaultChunkSize, false, "QmUnvPcBctVTAcJpigv6KMqDvmDewksPWrNVoy1E1WP5fh" },
        { "t0040 Neptune/Pluton", "Hello Neptune!\nHello Pluton!", 0, UnixFsProfile.DefaultChunkSize, false, "QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3" },
        // ipfs-shipyard/py-ipfs-http-client#293
        { "py-ipfs-http-client#293 v1 raw", "", 1, UnixFsProfile.DefaultChunkSize, true, "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" },
        { "py-ipfs-http-client#293 v1 dag-pb", "", 1, UnixFsProfile.DefaultChunkSize, false, "bafybeif7ztnhq65lumvvtr4ekcwd2ifwgm3awq4zfr3srh462rwyinlb4y" },
        // ipfs/js-ipfs-unixfs:packages/ipfs-unixfs-importer/test/pb-field-order.spec.ts
        { "pb-field-order.spec.ts", "hello\n", 1, UnixFsProfile.DefaultChunkSize, true, "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am" },
    };

    /// <summary>The profile of a <see cref="Files"/> row.</summary>
    internal static UnixFsProfile Profile(int cidVersion, int chunkSize, bool rawLeaves) =>
        (cidVersion, rawLeaves) switch
        {
            (0, false) => V0,
            (1, true) => V1Raw,
            _ => V1DagPbLeaves,
        } with { ChunkSize = chunkSize };

    /// <summary>The bytes of a <see cref="Files"/> row.</summary>
    public static byte[] Content(string text) => Encoding.UTF8.GetBytes(text);
}
