using FunctionsGateway.Core.Content.UnixFs;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// A read-through stream: every byte read from the source also goes into a UnixFS builder, and the blocks that
/// read finished are stored before the read returns. The reader downstream (a blob writer) thus paces the
/// block writes, and memory stays at what one read produces. Without a sink the builder only computes the root.
/// </summary>
internal sealed class BlockStoringStream(Stream source, UnixFsFileBuilder builder, CollectingBlockSink? sink, BlobBlockStore blocks, int parallelism) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            builder.Append(buffer.Span[..read]);
            var finished = sink?.Drain() ?? [];
            if (finished.Count > 0)
            {
                await blocks.PutManyAsync(finished, parallelism, cancellationToken);
            }
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
