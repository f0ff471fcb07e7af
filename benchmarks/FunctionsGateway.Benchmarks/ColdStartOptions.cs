using System.Globalization;

namespace FunctionsGateway.Benchmarks;

/// <summary>Command-line settings of the cold-start benchmark: <c>cold-start [--starts 20]</c>.</summary>
internal sealed record ColdStartOptions(int Starts)
{
    public const string Command = "cold-start";

    public static ColdStartOptions Parse(IReadOnlyList<string> args)
    {
        var starts = 20;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            starts = args[i] switch
            {
                "--starts" => int.Parse(args[i + 1], CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unknown option {args[i]}; use {Command} --starts N."),
            };
        }

        return starts >= 2 ? new ColdStartOptions(starts) : throw new ArgumentException("--starts must be at least 2.");
    }
}
