using System.Globalization;

namespace FunctionsGateway.Benchmarks;

/// <summary>Command-line settings of the upload benchmark.</summary>
internal sealed record UploadBenchmarkOptions(long SizeBytes, int BlockBytes)
{
    public static UploadBenchmarkOptions Parse(string[] args)
    {
        long sizeMib = 1024;
        var blockMib = 4;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--size-mib":
                    sizeMib = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--block-mib":
                    blockMib = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --size-mib N and --block-mib N.");
            }
        }

        return new UploadBenchmarkOptions(sizeMib * 1024 * 1024, blockMib * 1024 * 1024);
    }
}
