namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// One line of Kubo's <c>/api/v0/add</c> answer (<c>AddEvent</c>, <c>ipfs/kubo:core/commands/add.go</c>;
/// spec/standards.md §4): a progress event carries <see cref="Bytes"/> read so far, a result carries the
/// <see cref="Hash"/> and the cumulative DAG <see cref="Size"/>, printed as a decimal string.
/// </summary>
public sealed record AddEvent(string Name, string? Hash = null, long Bytes = 0, string? Size = null)
{
    /// <summary>A progress event: <paramref name="bytes"/> of <paramref name="name"/> read so far.</summary>
    public static AddEvent Progress(string name, long bytes) => new(name, Bytes: bytes);

    /// <summary>A result: the root CID of <paramref name="name"/> and its DAG size.</summary>
    public static AddEvent Added(string name, string hash, ulong dagSize) =>
        new(name, hash, Size: dagSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
