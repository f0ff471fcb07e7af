using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Core.Tests.Pins;

public sealed class MultiaddrsTests
{
    [Theory]
    [InlineData("/ip4/203.0.113.1/tcp/4001/p2p/QmServicePeerId", true)]
    [InlineData("/ip4/203.0.113.114/udp/4001/quic/p2p/QmSourcePeerId", true)]
    [InlineData("/p2p/12D3KooW", true)]
    [InlineData("/ip4/203.0.113.1/tcp/4001", false)]
    [InlineData("/ip4/203.0.113.1/tcp/4001/p2p/", false)]
    [InlineData("ip4/1.2.3.4/p2p/Qm", false)]
    [InlineData("/ip4//p2p/Qm", false)]
    public void IsPeerAddress_Text_TrueOnlyForAPeerAddress(string text, bool expected) => Assert.Equal(expected, Multiaddrs.IsPeerAddress(text));
}
