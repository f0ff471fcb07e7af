namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>An encoded extrinsic (with its compact length prefix) and its hash, <c>blake2_256</c> of those bytes.</summary>
public sealed record SignedExtrinsic(ReadOnlyMemory<byte> Bytes, ReadOnlyMemory<byte> Hash)
{
    /// <summary>The <c>0x</c> hex that <c>author_submitExtrinsic</c> takes.</summary>
    public string ToHex() => HexString.Encode(Bytes.Span);
}
