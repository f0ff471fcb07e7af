using System.Globalization;

namespace FunctionsGateway.Benchmarks;

/// <summary>Command-line settings of the CID benchmark: <c>cid-bench [--file PATH | --size-mib N] [--runs N]</c>.</summary>
internal sealed record CidBenchmarkOptions(string? File, long SizeBytes, int Runs)
{
    public static CidBenchmarkOptions Parse(string[] args)
    {
        string? file = null;
        long sizeMib = 1024;
        var runs = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--file":
                    file = args[i + 1];
                    break;
                case "--size-mib":
                    sizeMib = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --file PATH, --size-mib N and --runs N.");
            }
        }

        return new CidBenchmarkOptions(file, sizeMib * 1024 * 1024, Math.Max(1, runs));
    }
}
