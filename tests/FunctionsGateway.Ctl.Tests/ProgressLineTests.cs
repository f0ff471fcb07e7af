namespace FunctionsGateway.Ctl.Tests;

/// <summary><see cref="ProgressLine"/>: redrawn in place on a terminal, silent otherwise.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public async Task WhileAsync_Enabled_SpinsWithTheLabelThenClearsTheLine()
    {
        using var inner = new StringWriter();
        var error = TextWriter.Synchronized(inner);
        var done = new TaskCompletionSource<int>();
        var progress = new ProgressLine(error, enabled: true);

        var waiting = progress.WhileAsync(done.Task, "waiting for the block", TimeSpan.FromMilliseconds(10));
        for (var polls = 0; !Read().Contains("\r/ ", StringComparison.Ordinal) && polls < 1000; polls++)
        {
            await Task.Delay(10);
        }

        done.SetResult(7);

        Assert.Equal(7, await waiting);
        var text = Read();
        Assert.StartsWith("\r| waiting for the block 0 s", text, StringComparison.Ordinal);
        Assert.Contains("\r/ waiting for the block", text, StringComparison.Ordinal);
        Assert.Matches(@"\r {26,}\r$", text);

        string Read()
        {
            lock (error)
            {
                return inner.ToString();
            }
        }
    }

    [Fact]
    public async Task WhileAsync_Disabled_WritesNothing()
    {
        using var error = new StringWriter();

        Assert.Equal(3, await new ProgressLine(error, enabled: false).WhileAsync(Task.FromResult(3), "x", TimeSpan.FromMilliseconds(1)));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Step_HalfDone_HalfTheBarFilledAndShorterLinesErasePrevious()
    {
        using var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: true);

        progress.Step(1, 2, "/ops/credentials/a-long-id");
        progress.Step(2, 2, "/x");

        var draws = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"[{new string('#', 12)}{new string('-', 12)}] 1/2 /ops/credentials/a-long-id", draws[0]);
        Assert.StartsWith($"[{new string('#', 24)}] 2/2 /x   ", draws[1], StringComparison.Ordinal);
        Assert.Equal(draws[0].Length, draws[1].Length);
    }
}
