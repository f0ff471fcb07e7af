using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Core.Tests.Tooling;

public sealed class NpmToolInstallerTests : IDisposable
{
    private const string Stamp = "node_modules/.functionsgateway-installed";

    private readonly string _tool = Directory.CreateTempSubdirectory("fg-npm-").FullName;

    public NpmToolInstallerTests()
    {
        File.WriteAllText(Path.Combine(_tool, "package.json"), """{ "name": "fg-npm-test", "version": "1.0.0", "private": true }""");
        WriteLock("1.0.0");
    }

    [Fact]
    public async Task EnsureInstalledAsync_MarkerPresentButNoFinishedInstall_RunsNpmCiAndRecordsIt()
    {
        // The marker alone (a package.json npm ci may already have unpacked) does not count as installed.
        await NpmToolInstaller.EnsureInstalledAsync(_tool, "package.json");

        Assert.True(File.Exists(Path.Combine(_tool, Stamp)));
    }

    [Fact]
    public async Task EnsureInstalledAsync_Installed_DoesNothing()
    {
        await NpmToolInstaller.EnsureInstalledAsync(_tool, "package.json");
        var stamped = File.GetLastWriteTimeUtc(Path.Combine(_tool, Stamp));
        await Task.Delay(20);

        await NpmToolInstaller.EnsureInstalledAsync(_tool, "package.json");

        Assert.Equal(stamped, File.GetLastWriteTimeUtc(Path.Combine(_tool, Stamp)));
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockFileChanged_InstallsAgain()
    {
        await NpmToolInstaller.EnsureInstalledAsync(_tool, "package.json");
        var before = File.ReadAllText(Path.Combine(_tool, Stamp));
        File.WriteAllText(Path.Combine(_tool, "package.json"), """{ "name": "fg-npm-test", "version": "1.0.1", "private": true }""");
        WriteLock("1.0.1");

        await NpmToolInstaller.EnsureInstalledAsync(_tool, "package.json");

        Assert.NotEqual(before, File.ReadAllText(Path.Combine(_tool, Stamp)));
    }

    public void Dispose() => Directory.Delete(_tool, recursive: true);

    private void WriteLock(string version) => File.WriteAllText(Path.Combine(_tool, "package-lock.json"), $$"""
        { "name": "fg-npm-test", "version": "{{version}}", "lockfileVersion": 3, "requires": true,
          "packages": { "": { "name": "fg-npm-test", "version": "{{version}}" } } }
        """);
}
