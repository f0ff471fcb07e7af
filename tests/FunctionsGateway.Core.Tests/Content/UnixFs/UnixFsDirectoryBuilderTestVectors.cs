namespace FunctionsGateway.Core.Tests.Content.UnixFs;

/// <summary>
/// Published directory CIDs (spec/standards.md §4, "Test vectors"). The HAMT-directory vectors listed there are not
/// included: HAMT sharding is not implemented.
/// </summary>
public static class UnixFsDirectoryBuilderTestVectors
{
    /// <summary>(source, CID version, entry name or null for none, entry content, expected CID).</summary>
    public static TheoryData<string, int, string?, string, string> Directories => new()
    {
        // ipfs/kubo:test/sharness/lib/test-lib-hashes.sh (the empty directory).
        { "test-lib-hashes.sh", 0, null, "", "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn" },
        // ipfs/kubo:core/commands/add.go help text: an empty file added with -w as example.jpg.
        { "add.go help", 0, "example.jpg", "", "QmaG4FuMqEBnQNn3C8XJ5bpW8kLs7zq2ZXgHptJHbKDDVx" },
        // ipfs/js-ipfs-unixfs:packages/ipfs-unixfs-importer/test/pb-field-order.spec.ts (links-first).
        { "pb-field-order.spec.ts", 1, "hello.txt", "hello\n", "bafybeigdcg7pksx2zk5336vrfsktjodlr4rbfz37qr3koc5xboxe5ekv24" },
    };
}
