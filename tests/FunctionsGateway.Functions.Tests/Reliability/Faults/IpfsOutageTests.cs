using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>The js-ipfs node stopped (killed) during pushes and started again: <see cref="BackendOutage"/>.</summary>
[Collection(IpfsCollection.Name)]
public sealed class IpfsOutageTests(AzuriteFixture azurite, IpfsNodeFixture ipfs)
{
    [Fact]
    public async Task Push_NodeDown_RetriesWithReasonFailsIntoPoisonThenStoredAfterRestartAndRequeue()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Backend:Default"] = "ipfs",
            ["Gateway:Ipfs:ApiUrl"] = ipfs.ApiUrl,
            ["Gateway:Ipfs:MaxRetries"] = "0",
        };

        await BackendOutage.RunAsync(azurite, settings, ipfs.Node.StopAsync, () => ipfs.Node.RestartAsync(), "KuboRpcException");
    }
}
