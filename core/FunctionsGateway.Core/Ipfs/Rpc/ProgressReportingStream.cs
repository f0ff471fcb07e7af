using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Reports Kubo's <c>add --progress</c> events while a part is read: one each time another 256 KiB has been read
/// and one at the end with the total (as Kubo's <c>progressReader</c> does). The report is awaited inside the read,
/// so the events reach the client in step with the upload.
/// </summary>
internal sealed class ProgressReportingStream(Stream source, string name, Func<AddEvent, CancellationToken, ValueTask> report) : ForwardOnlyReadStream
{
    /// <summary>Bytes between two progress events (Kubo's <c>progressReaderIncrement</c>).</summary>
    public const int Increment = 256 * 1024;

    private long _read;
    private long _reported;
    private bool _ended;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await source.ReadAsync(buffer, cancellationToken);
        _read += n;
        if ((n == 0 && !_ended) || _read - _reported >= Increment)
        {
            _ended = n == 0;
            _reported = _read;
            await report(AddEvent.Progress(name, _read), cancellationToken);
        }

        return n;
    }
}
