namespace FunctionsGateway.Core.Tests.Gw3;

/// <summary>
/// Gateway3 signature vectors from spec/compat.md §4.1 (computed with the gw3 SDKs' formula, photon-storage/gw3-sdk-go@12a24ed
/// common.go): secret <c>MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=</c>, whose key bytes are ASCII
/// <c>0123456789abcdef0123456789abcdef</c>.
/// </summary>
public static class Gw3RequestSignatureTestVectors
{
    public const string Secret = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    public static TheoryData<string, string, string, string> Signatures => new()
    {
        { "GET", "/ipfs/QmRsz7zXvecvwJPaPjwR6WMHFJPbMc63SEJtuXJC4U16VZ", "ts=1688644825", "I0_3sjhJw7jkD-2xn3VQW3jhiTFJYTVQj8wsptvNaoQ=" },
        { "POST", "/ipfs/", "size=88718&ts=1688644825", "ruPT5RWFekgyK4OCev9eyNZKTBuqCQk5oegY5o5CQ2E=" },
    };
}
