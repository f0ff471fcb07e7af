namespace FunctionsGateway.Ctl;

/// <summary>Where gatewayctl writes: answers to <see cref="Output"/>, errors and progress to <see cref="Error"/>.</summary>
/// <param name="ShowsProgress">Whether <see cref="Error"/> is a terminal that can redraw a progress line.</param>
internal sealed record CtlConsole(TextWriter Output, TextWriter Error, bool ShowsProgress)
{
    /// <summary>The process's own console; progress only when standard error is not redirected.</summary>
    public static CtlConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
