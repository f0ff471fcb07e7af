using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// <c>cid FILE [--profile SPEC]</c>: prints the file's UnixFS CID as <c>ipfs add --only-hash</c> would (default profile
/// <c>unixfs-v0-2015</c>, Kubo's default), computed by <see cref="UnixFsFileBuilder"/> without a block sink, on one
/// thread, from the file read in large chunks. The command-line tool the CID benchmark times against <c>ipfs_cid</c>.
/// </summary>
internal static class CidCommand
{
    public static int Run(string[] args)
    {
        string? path = null;
        var profile = UnixFsProfile.UnixFsV0_2015;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--profile" && i + 1 < args.Length)
            {
                if (!UnixFsProfileSpec.TryParse(args[++i], out profile, out var error))
                {
                    return Fail($"--profile: {error}");
                }
            }
            else if (path is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                path = args[i];
            }
            else
            {
                return Fail($"unexpected argument '{args[i]}'");
            }
        }

        if (path is null || !File.Exists(path))
        {
            return Fail(path is null ? "no FILE given" : $"{path} does not exist");
        }

        Console.WriteLine(Compute(path, profile));
        return 0;
    }

    /// <summary>The root CID of the file at <paramref name="path"/>.</summary>
    public static Cid Compute(string path, UnixFsProfile profile)
    {
        using var builder = new UnixFsFileBuilder(profile);
        foreach (var chunk in FileChunks.Read(path))
        {
            builder.Append(chunk.Span);
        }

        return builder.Complete().Root;
    }

    private static int Fail(string reason)
    {
        Console.Error.WriteLine($"cid: {reason}. Usage: cid FILE [--profile unixfs-v0-2015|unixfs-v1-2025|SPEC]");
        return 2;
    }
}
