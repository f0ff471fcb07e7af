using System.Globalization;

namespace FunctionsGateway.Benchmarks;

/// <summary>Command-line settings of the upload benchmark.</summary>
/// <param name="KuboAdd">Upload through <c>POST /api/v0/add</c> (multipart, as Kubo's clients send it) instead of <c>PUT /v1/files/{name}</c>.</param>
/// <param name="GatewayOnly">Run the gateway upload once, without the direct uploads it is compared with (a memory measurement).</param>
internal sealed record UploadBenchmarkOptions(long SizeBytes, int BlockBytes, bool KuboAdd = false, bool GatewayOnly = false)
{
    public static UploadBenchmarkOptions Parse(string[] args)
    {
        long sizeMib = 1024;
        var blockMib = 4;
        var kuboAdd = false;
        var gatewayOnly = false;
        for (var i = 0; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--api":
                    kuboAdd = args[i + 1] switch
                    {
                        "kubo-add" => true,
                        "files" => false,
                        _ => throw new ArgumentException($"--api takes files or kubo-add, not {args[i + 1]}."),
                    };
                    break;
                case "--gateway-only":
                    gatewayOnly = true;
                    i--;
                    break;
                case "--size-mib":
                    sizeMib = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--block-mib":
                    blockMib = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --size-mib N, --block-mib N, --api files|kubo-add and --gateway-only.");
            }
        }

        return new UploadBenchmarkOptions(sizeMib * 1024 * 1024, blockMib * 1024 * 1024, kuboAdd, gatewayOnly);
    }
}
