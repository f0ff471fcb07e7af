using System.Text;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Tests.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class XxHash64Tests
{
    [Theory]
    [MemberData(nameof(SubstrateTestVectors.XxHash64), MemberType = typeof(SubstrateTestVectors))]
    public void Hash_ReferenceInput_MatchesVector(string input, ulong seed, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(input), seed));
}
