namespace FunctionsGateway.Core.Tests.Content.Multiformats;

/// <summary>Published CIDs and the blocks they name (the digest is SHA-256 of the block, or the block for identity).</summary>
public static class CidTestVectors
{
    /// <summary>(source, text, version, codec, hash function, block hex).</summary>
    public static TheoryData<string, string, int, ulong, ulong, string> Valid => new()
    {
        // ipfs/kubo:test/sharness/lib/test-lib-hashes.sh: the empty directory, PBNode{Data=UnixFS{Type=Directory}}.
        { "test-lib-hashes.sh", "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", 0, 0x70, 0x12, "0a020801" },
        // ipld/ipld specs/codecs/dag-pb/spec.md, "Zero-length blocks".
        { "dag-pb spec v1", "bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", 1, 0x70, 0x12, "" },
        { "dag-pb spec v0", "QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n", 0, 0x70, 0x12, "" },
        // ipfs-shipyard/py-ipfs-http-client#293: the empty file as a raw block.
        { "py-ipfs-http-client#293", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", 1, 0x55, 0x12, "" },
        // ipfs/specs trustless-gateway.md: the probe CID, the empty raw block as an identity CID.
        { "trustless-gateway.md", "bafkqaaa", 1, 0x55, 0x00, "" },
    };

    /// <summary>(text, a fragment of the expected reason).</summary>
    public static TheoryData<string, string> Invalid => new()
    {
        { "", "empty" },
        { "xafkqaaa", "unsupported multibase prefix 'x'" },
        { "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N", "46 base58btc characters" },
        { "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nnn", "46 base58btc characters" },
        { "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N0", "invalid base58btc character '0'" },
        { "bafkqaaA", "invalid base32 character 'A'" },
        // 0x01 0x55 0x12 0x20 and only 20 digest bytes.
        { "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedza", "truncated multihash: 32 digest bytes declared, 20 present" },
        // Version 2.
        { "bajkqaaa", "unsupported CID version 2" },
        // The codec varint 0x80 0x00 is not minimal.
        { "bagaaaaaa", "not minimally encoded" },
        // 0x01 and nothing more.
        { "bae", "CID codec: varint is truncated" },
    };
}
