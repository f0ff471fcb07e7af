using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Uploads;

/// <summary>A read-only, non-seekable stream that returns at most 7,000 bytes per read, as a network body does.</summary>
internal sealed class TrickleStream(byte[] data) : ReadOnlyStream
{
    private int _position;

    public int BytesRead => _position;

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, 7000), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
