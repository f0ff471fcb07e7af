namespace FunctionsGateway.Benchmarks;

/// <summary>One measured upload.</summary>
internal sealed record UploadResult(string Name, long Bytes, TimeSpan Elapsed, long PeakRssBytes)
{
    /// <summary>MiB per second.</summary>
    public double Throughput => Bytes / 1048576.0 / Elapsed.TotalSeconds;

    /// <summary>Two runs of one path as one: the bytes and time of both, the higher peak.</summary>
    public static UploadResult Mean(UploadResult first, UploadResult second) =>
        new(first.Name + " (mean)", first.Bytes + second.Bytes, first.Elapsed + second.Elapsed, Math.Max(first.PeakRssBytes, second.PeakRssBytes));
}
