using Microsoft.AspNetCore.Routing;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// <c>FunctionsGateway.Functions --write-functions DIR</c>: writes the function folders for the mapped
/// endpoints into DIR and exits without starting the server. The build and publish steps run it, so the
/// function.json files always come from the code.
/// </summary>
internal static class FunctionJsonCommand
{
    public const string Option = "write-functions";

    /// <summary>True when the command ran (the caller then exits instead of running the server).</summary>
    public static bool TryRun(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var directory = app.Configuration[Option];
        if (string.IsNullOrEmpty(directory))
        {
            return false;
        }

        var functions = FunctionManifest.Read(((IEndpointRouteBuilder)app).DataSources);
        FunctionJsonWriter.Write(Path.GetFullPath(directory), functions);
        Console.WriteLine($"Wrote {functions.Count} functions to {Path.GetFullPath(directory)}");
        return true;
    }
}
