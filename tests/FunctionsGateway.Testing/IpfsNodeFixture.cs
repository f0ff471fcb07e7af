using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// One real IPFS node (js-ipfs, <see cref="JsIpfsNode"/>) per test collection, with its repository in a temporary
/// folder. Installs the pinned npm package on first use. Tests that stop the node must restart it before they end.
/// Fails with a message saying what is missing.
/// </summary>
public sealed class IpfsNodeFixture : IAsyncLifetime
{
    private JsIpfsNode? _node;

    /// <summary>The running node.</summary>
    public JsIpfsNode Node => _node ?? throw new InvalidOperationException("js-ipfs has not started.");

    /// <summary>Its RPC API's base URL (the value of <c>Gateway:Ipfs:ApiUrl</c>).</summary>
    public string ApiUrl => Node.ApiUrl;

    public async Task InitializeAsync()
    {
        var repository = Path.Combine(Path.GetTempPath(), "fg-ipfs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            _node = await JsIpfsNode.StartAsync(RepositoryPaths.IpfsPeer, repository);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "js-ipfs could not start: the tests need Node.js >= 20 and npm on PATH and the npm registry reachable for " +
                $"the first 'npm ci' in {RepositoryPaths.IpfsPeer}. {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
