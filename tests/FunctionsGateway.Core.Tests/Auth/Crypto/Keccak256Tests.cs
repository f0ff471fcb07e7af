using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Keccak256Tests
{
    [Theory]
    [MemberData(nameof(Keccak256TestVectors.Messages), MemberType = typeof(Keccak256TestVectors))]
    public void Hash_PublishedVector_MatchesDigest(string text, int repeat, string expected)
    {
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(text, repeat)));

        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(message)));
    }

    [Fact]
    public void Hash_EveryLengthAroundTheRate_MatchesBouncyCastleKeccak()
    {
        // Lengths 0..410 cover empty input, a block short of the rate (136), exact multiples and partial blocks.
        var random = new Random(1559);
        for (var length = 0; length <= 410; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var reference = new KeccakDigest(256);
            reference.BlockUpdate(message, 0, message.Length);
            var expected = new byte[32];
            reference.DoFinal(expected, 0);

            Assert.Equal(expected, Keccak256.Hash(message));
        }
    }

    [Fact]
    public void Hash_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
    }
}
