namespace FunctionsGateway.Core.Tests.Chains.Substrate.Scale;

/// <summary>SCALE vectors.</summary>
public static class ScaleTestVectors
{
    /// <summary>
    /// Compact integers: the examples of the SCALE codec reference (docs.substrate.io/reference/scale-codec,
    /// and py-scale-codec's README: 0, 1, 42, 69, 10^14) and the mode boundaries of spec/cess.md §4.4.
    /// </summary>
    public static TheoryData<string, string> Compacts => new()
    {
        { "0", "00" },
        { "1", "04" },
        { "42", "a8" },
        { "63", "fc" },
        { "64", "0101" },
        { "69", "1501" },
        { "16383", "fdff" },
        { "16384", "02000100" },
        { "1073741823", "feffffff" },
        { "1073741824", "0300000040" },
        { "4294967295", "03ffffffff" },
        { "4294967296", "070000000001" },
        { "100000000000000", "0b00407a10f35a" },
        { "18446744073709551615", "13ffffffffffffffff" },
        { "340282366920938463463374607431768211455", "33ffffffffffffffffffffffffffffffff" },
    };

    /// <summary>Compact encodings that are not the shortest form, which parity-scale-codec rejects.</summary>
    public static TheoryData<string> NonCanonicalCompacts => new()
    {
        "0100",       // 0 in two-byte mode
        "02000000",   // 0 in four-byte mode
        "0300000000", // 0 in big-integer mode
        "07ffffffff00", // 2^32 - 1 with a zero top byte
    };
}
