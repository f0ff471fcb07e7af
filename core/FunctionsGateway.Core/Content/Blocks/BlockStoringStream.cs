using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// A read-through stream: every byte read from the source also goes into a UnixFS builder, and the blocks that
/// read finished are stored before the read returns. The reader downstream (a blob writer) thus paces the
/// block writes, and memory stays at what one read produces. Without a sink the builder only computes the root.
/// </summary>
internal sealed class BlockStoringStream(Stream source, UnixFsFileBuilder builder, CollectingBlockSink? sink, BlobBlockStore blocks, int parallelism) : ForwardOnlyReadStream
{
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
}
