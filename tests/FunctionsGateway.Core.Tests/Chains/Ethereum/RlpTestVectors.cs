using System.Text;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

/// <summary>
/// The examples of the RLP page of ethereum.org (https://ethereum.org/developers/docs/data-structures-and-encoding/rlp,
/// "Examples"), which restate yellow paper Appendix B, and non-canonical encodings a strict decoder refuses.
/// </summary>
public static class RlpTestVectors
{
    public static TheoryData<string, RlpItem, string> Examples => new()
    {
        { "the string dog", Text("dog"), "83646f67" },
        { "the list [cat, dog]", RlpItem.FromList(Text("cat"), Text("dog")), "c88363617483646f67" },
        { "the empty string", RlpItem.Empty, "80" },
        { "the empty list", RlpItem.FromList(), "c0" },
        { "the integer 0", RlpItem.FromInteger(0), "80" },
        { "the byte 0x00", RlpItem.FromBytes([0x00]), "00" },
        { "the byte 0x0f", RlpItem.FromBytes([0x0f]), "0f" },
        { "the bytes 0x04 0x00", RlpItem.FromBytes([0x04, 0x00]), "820400" },
        { "the integer 15", RlpItem.FromInteger(15), "0f" },
        { "the integer 1024", RlpItem.FromInteger(1024), "820400" },
        {
            "the set theoretical representation of three",
            RlpItem.FromList(RlpItem.FromList(), RlpItem.FromList(RlpItem.FromList()), RlpItem.FromList(RlpItem.FromList(), RlpItem.FromList(RlpItem.FromList()))),
            "c7c0c1c0c3c0c1c0"
        },
        {
            "a 56-byte string",
            Text("Lorem ipsum dolor sit amet, consectetur adipisicing elit"),
            "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"
        },
    };

    public static TheoryData<string, string> NonCanonical => new()
    {
        { "a single byte below 0x80 wrapped in a prefix", "8100" },
        { "a single byte below 0x80 wrapped in a prefix (0x7f)", "817f" },
        { "the long form for an empty string", "b800" },
        { "the long form for 55 bytes", "b837" + new string('6', 110) },
        { "a length with a leading zero", "b90038" + new string('6', 112) },
        { "a truncated list", "c1" },
        { "a truncated string", "83636174"[..6] },
        { "bytes after the item", "8080" },
        { "a list whose items overrun it", "c28363" },
        { "no input", "" },
    };

    private static RlpItem Text(string text) => RlpItem.FromBytes(Encoding.ASCII.GetBytes(text));
}
