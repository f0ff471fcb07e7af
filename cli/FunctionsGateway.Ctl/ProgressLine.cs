using System.Diagnostics;
using System.Globalization;

namespace FunctionsGateway.Ctl;

/// <summary>
/// One redrawn line on standard error: a spinner with the elapsed seconds while a long call runs (a chain transaction
/// waits for its block), or a bar while a batch goes through. Nothing is drawn when standard error is not a terminal
/// or the output is <c>--json</c>, so scripts and logs see only answers.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool enabled)
{
    private const int BarWidth = 24;
    private static readonly char[] Frames = ['|', '/', '-', '\\'];
    private int drawn;

    /// <summary>Shows <paramref name="label"/>, a spinner and the elapsed seconds until <paramref name="work"/> ends.</summary>
    public async Task<T> WhileAsync<T>(Task<T> work, string label, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!enabled)
        {
            return await work;
        }

        var started = Stopwatch.GetTimestamp();
        for (var frame = 0; !work.IsCompleted; frame++)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Draw($"{Frames[frame % Frames.Length]} {label} {seconds.ToString("0", CultureInfo.InvariantCulture)} s");
            await Task.WhenAny(work, Task.Delay(interval, CancellationToken.None));
        }

        Clear();
        return await work;
    }

    /// <summary>Draws <c>[#####-----] done/total label</c>.</summary>
    public void Step(int done, int total, string label)
    {
        if (!enabled || total <= 0)
        {
            return;
        }

        var filled = (int)Math.Round(BarWidth * (double)Math.Clamp(done, 0, total) / total);
        Draw($"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {done}/{total} {label}");
    }

    /// <summary>Removes the line, so that what is printed next starts on a clean line.</summary>
    public void Clear()
    {
        if (drawn > 0)
        {
            error.Write('\r' + new string(' ', drawn) + '\r');
            error.Flush();
            drawn = 0;
        }
    }

    private void Draw(string text)
    {
        var padding = Math.Max(0, drawn - text.Length);
        error.Write('\r' + text + new string(' ', padding));
        error.Flush();
        drawn = text.Length + padding;
    }
}
