namespace FunctionsGateway.Testing;

/// <summary>Finds the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding FunctionsGateway.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The pinned Azurite packages.</summary>
    public static string AzuriteTool => Path.Combine(Root, "tools", "azurite");

    /// <summary>The pinned reference implementations the tests cross-check against (spec/test-peers.md).</summary>
    public static string TestPeers => Path.Combine(Root, "tests", "peers");

    /// <summary>The pinned UnixFS importer (the CID reference) and its script.</summary>
    public static string UnixFsPeer => Path.Combine(TestPeers, "unixfs");

    /// <summary>The pinned Substrate reference packages (polkadot.js, chopsticks) and their scripts.</summary>
    public static string SubstratePeers => Path.Combine(Root, "tests", "peers", "substrate");

    /// <summary>
    /// CESS's testnet raw chain spec (with the runtime) from the shared folder beside the repository
    /// (spec/cess.md §3.1), or the file named by <c>CESS_CHAIN_SPEC</c>.
    /// </summary>
    public static string CessChainSpec =>
        Environment.GetEnvironmentVariable("CESS_CHAIN_SPEC") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "chains", "cess", "cess-testnet-spec-raw.json"));

    /// <summary>The pinned Ethereum peers (ganache, solc-js, ethers, siwe) and their scripts.</summary>
    public static string EthereumPeers => Path.Combine(Root, "tests", "peers", "ethereum");

    /// <summary>The pinned S3 server (s3rver) the MEFS backend tests store through.</summary>
    public static string S3Peer => Path.Combine(TestPeers, "s3");

    /// <summary>The pinned SMTP server (smtp-server, mailparser) and its script.</summary>
    public static string SmtpPeer => Path.Combine(TestPeers, "smtp");

    /// <summary>The pinned tus client (tus-js-client) and its upload script.</summary>
    public static string TusPeer => Path.Combine(Root, "tests", "peers", "tus");

    /// <summary>The pinned Pinning Service API client (npm @ipfs-shipyard/pinning-service-client) and its script.</summary>
    public static string PsaPeer => Path.Combine(TestPeers, "psa");

    /// <summary>The pinned js-ipfs node (spec/test-peers.md) and its Node 20 polyfill.</summary>
    public static string IpfsPeer => Path.Combine(TestPeers, "ipfs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionsGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FunctionsGateway.sln not found above {AppContext.BaseDirectory}.");
    }
}
