using System.Text;
using FunctionsGateway.Core.Chains.Substrate;

namespace FunctionsGateway.Core.Tests.Chains.Substrate;

public sealed class StorageHashingTests
{
    [Theory]
    [MemberData(nameof(SubstrateTestVectors.Twox128), MemberType = typeof(SubstrateTestVectors))]
    public void Twox128_Name_MatchesSpec(string name, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(StorageHashing.Twox128(Encoding.UTF8.GetBytes(name))));

    [Fact]
    public void Hash_ConcatHashers_AppendKey()
    {
        var key = Convert.FromHexString(SubstrateTestVectors.Alice);
        Assert.Equal("de1e86a9a8c739864cf3cc5ec2bea59f" + SubstrateTestVectors.Alice,
            Convert.ToHexStringLower(StorageHashing.Hash(StorageHasher.Blake2_128Concat, key)));
        Assert.Equal(Convert.ToHexStringLower(StorageHashing.Twox64(key)) + SubstrateTestVectors.Alice,
            Convert.ToHexStringLower(StorageHashing.Hash(StorageHasher.Twox64Concat, key)));
        Assert.Equal(SubstrateTestVectors.Alice, Convert.ToHexStringLower(StorageHashing.Hash(StorageHasher.Identity, key)));
        Assert.Equal(32, StorageHashing.Twox256(key).Length);
    }
}
