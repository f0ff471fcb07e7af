namespace FunctionsGateway.Core.Tests.Content.Cess;

/// <summary>
/// DeOSS fid vectors. <c>hello</c> and the Merkle roots are spec/cess.md §2.2 (computed there with Python's
/// hashlib; the <c>hello</c> fid also in compat.md §1b.4). The pattern vectors were computed here the same way,
/// with an independent Python implementation of §2.1 (whole segments in memory, zero padding, pairwise Merkle):
/// content byte i = (i·31 + (i >> 20)) mod 256, so that every MiB, and so every segment, differs.
/// </summary>
public static class CessFidTestVectors
{
    public const string HelloSegmentHash = "edaadc8d26c6d18a9d7b3fd557c81ebef5ab9f42a036d29b33763153b24723ea";
    public const string HelloFid = "c1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774c2";

    /// <summary>Merkle roots over leaves sha256([0]), sha256([1]), sha256([2]): the first two, then all three.</summary>
    public const string RootOfTwo = "30e1867424e66e8b6d159246db94e3486778136f7e386ff5f001859d6b8484ab";
    public const string RootOfThree = "f2dcdd96791b6bac5d554f2d320e594b834f5da1981812c3707e7772234cb0ad";

    private const long Segment = 32L * 1024 * 1024;

    /// <summary>(length of the pattern, fid).</summary>
    public static TheoryData<long, string> Pattern => new()
    {
        { 1000, "95fc26b0b63e614dfe90a5ad2a4cfc424c0386d5a52031f0781d570fcc616d5e" },
        { Segment, "e5214b75e1c6c88a47b451c40fa66909fffb6ed06e0d9db65d55995dd6aba53e" },
        { Segment + 1, "44b029122d295ea94caec59926a732d7ccbb97cfdd389331876a06923222749d" },
        { 2 * Segment, "47cd82c753317a3fb4670aabd8b2efc82aaa4d99d151da61918e449830a1176a" },
        { (3 * Segment) - 5, "6eb9c2b129f40640f8573842daa7769ff62872be41a90782654be0d3edc5e5f6" },
        { (5 * Segment) + 123, "a6225addd494afa33a4778dd59fa45446c3165b95f18c4f50c235933aa35b884" },
    };

    /// <summary>Byte <paramref name="index"/> of the pattern.</summary>
    public static byte PatternByte(long index) => (byte)((index * 31) + (index >> 20));
}
