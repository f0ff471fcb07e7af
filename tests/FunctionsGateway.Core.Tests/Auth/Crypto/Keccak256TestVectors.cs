namespace FunctionsGateway.Core.Tests.Auth.Crypto;

/// <summary>
/// Keccak-256 (original padding) vectors. The empty string, "abc", the 448-bit and 896-bit NIST-style
/// messages and one million 'a' are the values published by the Keccak team's reference KAT runs and
/// repeated in go-ethereum's and ethers' test suites; each was also re-computed with ethers 6
/// <c>keccak256</c>. The EIP-191 "hello" value is compat §2.6's check value.
/// </summary>
public static class Keccak256TestVectors
{
    public static TheoryData<string, int, string> Messages => new()
    {
        { "", 1, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" },
        { "abc", 1, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45" },
        { "The quick brown fox jumps over the lazy dog", 1, "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371" },
        {
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
            "f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67"
        },
        { "a", 1_000_000, "fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96" },
    };
}
