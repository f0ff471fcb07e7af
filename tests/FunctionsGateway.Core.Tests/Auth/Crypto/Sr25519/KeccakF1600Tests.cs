using System.Text;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

public sealed class KeccakF1600Tests
{
    /// <summary>SHA3-256 of one block (FIPS 202 padding 0x06…0x80, rate 136) built on the permutation.</summary>
    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")] // FIPS 202 examples (NIST CSRC)
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void Permute_Sha3OneBlock_MatchesFips202(string message, string expected)
    {
        var state = new byte[200];
        var bytes = Encoding.ASCII.GetBytes(message);
        bytes.CopyTo(state, 0);
        state[bytes.Length] ^= 0x06;
        state[135] ^= 0x80;
        KeccakF1600.Permute(state);
        Assert.Equal(expected, Convert.ToHexStringLower(state[..32]));
    }
}
