using System.Runtime.InteropServices;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// CPU time used by this process's finished children (<c>getrusage(RUSAGE_CHILDREN)</c>, Linux): the difference
/// before and after one child gives that child's user + system time, which a busy machine does not inflate the way
/// it inflates wall time.
/// </summary>
internal static partial class ChildProcessUsage
{
    private const int RusageChildren = -1;

    /// <summary>User + system time of every child waited for so far.</summary>
    public static TimeSpan Total()
    {
        if (GetResourceUsage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        }

        return ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime);
    }

    private static TimeSpan ToTimeSpan(TimeValue value) => TimeSpan.FromSeconds(value.Seconds) + TimeSpan.FromMicroseconds(value.Microseconds);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        private unsafe fixed long _rest[14];
    }
}
