using System.Numerics;
using System.Text;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

/// <summary>
/// The worked examples of the Solidity ABI specification ("Examples" and "Use of Dynamic Types",
/// https://docs.soliditylang.org/en/latest/abi-spec.html), written as 32-byte words after the selector, and
/// the selectors compat §2.4 and §2.7 list for MEMO's contracts.
/// </summary>
public static class AbiTestVectors
{
    public static TheoryData<string, object?[], string, string[]> Calls => new()
    {
        { "baz(uint32 x, bool y)", [69, true], "cdcd77c0", [W(0x45), W(1)] },
        {
            "bar(bytes3[2])", [new object[] { Ascii("abc"), Ascii("def") }], "fce353f6",
            [Padded("abc"), Padded("def")]
        },
        {
            "sam(bytes, bool, uint256[])", [Ascii("dave"), true, new object[] { 1, 2, 3 }], "a5643bf2",
            [W(0x60), W(1), W(0xa0), W(4), Padded("dave"), W(3), W(1), W(2), W(3)]
        },
        {
            "f(uint256, uint32[], bytes10, bytes)", [0x123, new object[] { 0x456, 0x789 }, Ascii("1234567890"), Ascii("Hello, world!")], "8be65246",
            [W(0x123), W(0x80), Padded("1234567890"), W(0xe0), W(2), W(0x456), W(0x789), W(13), Padded("Hello, world!")]
        },
        {
            "g(uint256[][], string[])",
            [new object[] { new object[] { 1, 2 }, new object[] { 3 } }, new object[] { "one", "two", "three" }], "2289b18c",
            [
                W(0x40), W(0x140),
                W(2), W(0x40), W(0xa0), W(2), W(1), W(2), W(1), W(3),
                W(3), W(0x60), W(0xa0), W(0xe0), W(3), Padded("one"), W(3), Padded("two"), W(5), Padded("three"),
            ]
        },
    };

    public static TheoryData<string, string> Selectors => new()
    {
        { "storeBuyPkg(address,uint64,uint256,uint64,string)", "82634885" },
        { "storeGetBuyPkgs(address)", "a787102f" },
        { "storeGetPkgInfos()", "4d63238e" },
        { "getPkgSize(address,uint8)", "d4b0c9f0" },
        { "balanceOf(address)", "70a08231" },
        { "spacePrice()", "ca50c8c8" },
        { "trafficPrice()", "a6418b8c" },
        { "spacePayInfo(address)", "72ce0de4" },
        { "trafficPayInfo(address)", "a4579a03" },
        { "buySpace(uint64,uint64,address)", "f279f6a8" },
        { "buyTraffic(uint64,address)", "0ab7ee6a" },
        { "cashSpaceCheck(uint256,uint64,uint64,bytes)", "23237346" },
        { "cashTrafficCheck(uint256,uint64,bytes)", "cb7d235d" },
        { "transfer(address,uint256)", "a9059cbb" },
        { "approve(address,uint256)", "095ea7b3" },
    };

    private static string W(BigInteger value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)[^64..];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Padded(string text) => Convert.ToHexStringLower(Ascii(text)).PadRight(64, '0');
}
