using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class MemoVoucherHashTests
{
    [Fact]
    public void Compute_CompatVector_MatchesPublishedHash()
    {
        // compat §2.6 test vector.
        var hash = MemoVoucherHash.Compute(
            EthereumAddress.Parse("0x1111111111111111111111111111111111111111"), 5, 1048576,
            EthereumAddress.Parse("0x2222222222222222222222222222222222222222"));

        Assert.Equal("0xc5fa95d50ed0da4370a2a8bb9c50d480287be66fde371f1ed83703281a99e7da", EthereumHex.EncodeData(hash));
    }

    [Fact]
    public void Compute_NegativeNonce_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoVoucherHash.Compute(EthereumAddress.Zero, -1, 0, EthereumAddress.Zero));
    }
}
