using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Tests.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Blake2bTests
{
    [Theory]
    [MemberData(nameof(SubstrateTestVectors.Blake2b), MemberType = typeof(SubstrateTestVectors))]
    public void Hash_Input_MatchesVector(string input, int size, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Blake2b.Hash(Convert.FromHexString(input), size)));
}
