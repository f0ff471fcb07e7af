namespace FunctionsGateway.Core.Storage.Backends.Cess;

/// <summary>A forward-only window of a stream: skips <c>offset</c> bytes on the first read, then ends after <c>length</c> (null: at the end).</summary>
internal sealed class RangeReadStream(Stream inner, long offset, long? length) : Stream
{
    private long _toSkip = offset;
    private long? _left = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_toSkip > 0)
        {
            var skipped = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _toSkip)], cancellationToken);
            if (skipped == 0)
            {
                return 0;
            }

            _toSkip -= skipped;
        }

        if (_left is 0)
        {
            return 0;
        }

        var n = await inner.ReadAsync(_left is { } left ? buffer[..(int)Math.Min(buffer.Length, left)] : buffer, cancellationToken);
        _left -= n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
