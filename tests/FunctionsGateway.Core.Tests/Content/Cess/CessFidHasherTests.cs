using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Content.Cess;

namespace FunctionsGateway.Core.Tests.Content.Cess;

public sealed class CessFidHasherTests
{
    [Fact]
    public void Complete_Hello_MatchesDeossVector()
    {
        Assert.Equal(CessFidTestVectors.HelloFid, CessFid.Compute("hello"u8));
        var padded = new byte[CessFid.SegmentSize];
        "hello"u8.CopyTo(padded);
        Assert.Equal(CessFidTestVectors.HelloSegmentHash, Convert.ToHexStringLower(SHA256.HashData(padded)));
    }

    [Theory]
    [MemberData(nameof(CessFidTestVectors.Pattern), MemberType = typeof(CessFidTestVectors))]
    public void Complete_PatternInOddChunks_MatchesVector(long length, string expected)
    {
        using var hasher = new CessFidHasher();
        var chunk = new byte[1_000_003]; // not a divisor of the segment size: chunks straddle segment ends
        for (long offset = 0; offset < length; offset += chunk.Length)
        {
            var n = (int)Math.Min(chunk.Length, length - offset);
            for (var i = 0; i < n; i++)
            {
                chunk[i] = CessFidTestVectors.PatternByte(offset + i);
            }

            hasher.Append(chunk.AsSpan(0, n));
        }

        Assert.Equal(expected, hasher.Complete());
    }

    [Fact]
    public void MerkleRoot_SpecLeaves_MatchVectors()
    {
        var leaves = Enumerable.Range(0, 3).Select(i => SHA256.HashData(new[] { (byte)i })).ToList();

        Assert.Equal(CessFidTestVectors.RootOfTwo, Convert.ToHexStringLower(CessFid.MerkleRoot(leaves[..2])));
        Assert.Equal(CessFidTestVectors.RootOfThree, Convert.ToHexStringLower(CessFid.MerkleRoot(leaves)));
    }

    [Fact]
    public void Complete_EmptyContent_IsTheFidOfOneZeroSegment()
    {
        var zero = SHA256.HashData(new byte[CessFid.SegmentSize]);

        Assert.Equal(Convert.ToHexStringLower(CessFid.MerkleRoot([zero])), CessFid.Compute([]));
    }

    [Fact]
    public void Complete_CalledTwice_Throws()
    {
        using var hasher = new CessFidHasher();
        hasher.Append(Encoding.ASCII.GetBytes("x"));
        hasher.Complete();

        Assert.Throws<InvalidOperationException>(() => hasher.Complete());
    }

    [Theory]
    [InlineData("c1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774c2", true)]
    [InlineData("C1F6E523054D358591EBEE84A9FD71329ABCAA9E3E51E20BF19AE7B3F4E774C2", true)]
    [InlineData("c1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774c", false)]
    [InlineData("g1f6e523054d358591ebee84a9fd71329abcaa9e3e51e20bf19ae7b3f4e774c2", false)]
    [InlineData(null, false)]
    public void IsWellFormed_Text_TellsFids(string? fid, bool expected) => Assert.Equal(expected, CessFid.IsWellFormed(fid));
}
