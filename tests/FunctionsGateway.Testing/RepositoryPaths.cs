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
