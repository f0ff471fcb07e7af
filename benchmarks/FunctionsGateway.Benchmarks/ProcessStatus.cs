using System.Globalization;

namespace FunctionsGateway.Benchmarks;

/// <summary>Fields of <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
internal static class ProcessStatus
{
    /// <summary>A field in KiB (<c>VmRSS</c> now, <c>VmHWM</c> the peak); 0 when the process or field is gone.</summary>
    public static long ReadKib(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has exited.
        }

        return 0;
    }
}
