using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary>
/// Debian's <c>ipfs_cid FILE</c> (spec/test-peers.md): prints <c>{"CIDv0","CIDv1"}</c> for Kubo's default import
/// (256 KiB chunks, 174 links, dag-pb leaves), computed by an independent implementation.
/// </summary>
internal static class IpfsCidReference
{
    public static async Task<JsonElement> ComputeAsync(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-ipfs-cid-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var start = new ProcessStartInfo("ipfs_cid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(path);
            using var process = StartOrExplain(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"ipfs_cid failed ({process.ExitCode}): {await errors}");
            return JsonDocument.Parse((await output).Split('\n')[0]).RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("ipfs_cid did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("The CID reference ipfs_cid is not on PATH: install it with apt-get install -y ipfs-cid", e);
        }
    }
}
