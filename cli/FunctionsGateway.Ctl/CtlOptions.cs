using System.CommandLine;

namespace FunctionsGateway.Ctl;

/// <summary>
/// The options every command takes: where the gateway is, the operator key, and the output format. The URL and the
/// key can come from the environment (<see cref="UrlVariable"/>, <see cref="OperatorKeyVariable"/>) so that the key
/// need not appear on a command line, where other users of the machine can read it.
/// </summary>
internal sealed class CtlOptions
{
    public const string UrlVariable = "GATEWAYCTL_URL";
    public const string OperatorKeyVariable = "GATEWAYCTL_OPERATOR_KEY";

    /// <summary>Where <c>dotnet run --project functions/FunctionsGateway.Functions</c> listens.</summary>
    public static readonly Uri DefaultUrl = new("http://localhost:7071");

    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = $"The gateway's base URL (default ${UrlVariable}, else {DefaultUrl}).",
        Recursive = true,
        CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail<Uri>(result, $"--url must be an absolute http(s) URL, not '{result.Tokens[0].Value}'."),
    };

    public Option<string?> OperatorKey { get; } = new("--operator-key")
    {
        Description = $"The operator key, sent as X-Operator-Key (default ${OperatorKeyVariable}).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the gateway's JSON answer as it is, for scripts.",
        Recursive = true,
    };

    public Option<TimeSpan> Timeout { get; } = new("--timeout")
    {
        Description = "How long to wait for one answer, e.g. 00:05:00 (chain transactions wait for their block).",
        Recursive = true,
        DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
        CustomParser = result => TimeSpan.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : Fail<TimeSpan>(result, $"--timeout must be a positive time span such as 00:05:00, not '{result.Tokens[0].Value}'."),
    };

    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Url);
        root.Add(OperatorKey);
        root.Add(Json);
        root.Add(Timeout);
    }

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
