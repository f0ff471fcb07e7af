using System.Runtime.CompilerServices;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Car;

/// <summary>
/// Reads a CARv1 stream (https://ipld.io/specs/transport/car/carv1/) section by section, holding at most one
/// section in memory, and checks each block against its CID (sha2-256 or identity). Malformed headers, truncated
/// or oversized sections and blocks that do not match their CID raise <see cref="InvalidDataException"/>; CIDs
/// with another hash function raise <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class CarReader
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly CarReaderOptions _options;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private long _offset;

    private CarReader(Stream stream, CarReaderOptions options)
    {
        _stream = stream;
        _options = options;
        Header = new CarHeader([]);
    }

    /// <summary>The header read by <see cref="OpenAsync"/>.</summary>
    public CarHeader Header { get; private set; }

    /// <summary>Reads the header and returns a reader positioned at the first block.</summary>
    public static async ValueTask<CarReader> OpenAsync(Stream stream, CarReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new CarReader(stream, options ?? CarReaderOptions.Default);
        var length = await reader.ReadLengthAsync("CAR header length", cancellationToken)
            ?? throw new InvalidDataException("Malformed CAR: the stream is empty.");
        if (length == 0 || length > (ulong)reader._options.MaxHeaderLength)
        {
            throw new InvalidDataException($"Malformed CAR: header length {length} is outside 1…{reader._options.MaxHeaderLength}.");
        }

        var header = await reader.ReadExactlyAsync((int)length, "CAR header", cancellationToken);
        reader.Header = CarHeaderCodec.Decode(header);
        return reader;
    }

    /// <summary>Reads the next block, or null at the end of the stream.</summary>
    public async ValueTask<ContentBlock?> ReadBlockAsync(CancellationToken cancellationToken = default)
    {
        var sectionOffset = _offset;
        var length = await ReadLengthAsync("CAR section length", cancellationToken);
        if (length is null)
        {
            return null;
        }

        if (length == 0 || length > (ulong)_options.MaxSectionLength)
        {
            throw new InvalidDataException(
                $"Malformed CAR: the section at byte {sectionOffset} declares {length} bytes, outside 1…{_options.MaxSectionLength}.");
        }

        var section = await ReadExactlyAsync((int)length, $"CAR section at byte {sectionOffset}", cancellationToken);
        var error = Cid.TryRead(section, out var cid, out var cidLength);
        if (error is not null)
        {
            throw new InvalidDataException($"Malformed CAR: the section at byte {sectionOffset} does not start with a CID: {error}.");
        }

        var block = section.AsMemory(cidLength);
        if (_options.VerifyBlocks)
        {
            BlockVerifier.Verify(cid, block.Span);
        }

        return new ContentBlock(cid, block);
    }

    /// <summary>Reads the blocks to the end of the stream.</summary>
    public async IAsyncEnumerable<ContentBlock> ReadBlocksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadBlockAsync(cancellationToken) is { } block)
        {
            yield return block;
        }
    }

    // A varint length, or null when the stream ends cleanly before it.
    private async ValueTask<ulong?> ReadLengthAsync(string what, CancellationToken cancellationToken)
    {
        await FillAsync(UnsignedVarint.MaxLength, cancellationToken);
        if (_start == _end)
        {
            return null;
        }

        var status = UnsignedVarint.TryRead(_buffer.AsSpan(_start, _end - _start), out var value, out var read);
        if (status != VarintReadStatus.Ok)
        {
            throw new InvalidDataException($"Malformed CAR at byte {_offset}: {UnsignedVarint.Describe(status, what)}.");
        }

        Consume(read);
        return value;
    }

    private async ValueTask<byte[]> ReadExactlyAsync(int count, string what, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = Math.Min(count, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(result);
        Consume(copied);
        while (copied < count)
        {
            var read = await _stream.ReadAsync(result.AsMemory(copied), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException($"Malformed CAR: {what} is truncated ({copied} of {count} bytes).");
            }

            copied += read;
            _offset += read;
        }

        return result;
    }

    // Buffers at least `count` bytes unless the stream ends first.
    private async ValueTask FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count || _eof)
        {
            return;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
        }
    }

    private void Consume(int count)
    {
        _start += count;
        _offset += count;
    }
}
