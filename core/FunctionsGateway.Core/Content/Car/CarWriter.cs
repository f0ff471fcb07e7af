using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Car;

/// <summary>
/// Writes a CARv1 stream (https://ipld.io/specs/transport/car/carv1/): <c>varint(len) ‖ header</c>, then per block
/// <c>varint(len) ‖ CID bytes ‖ block</c>. Nothing is buffered beyond one section prefix; the caller owns the stream.
/// </summary>
internal sealed class CarWriter
{
    private readonly Stream _stream;
    private byte[] _prefix = new byte[64];

    private CarWriter(Stream stream) => _stream = stream;

    /// <summary>The bytes written so far, header included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>The length of the header section for <paramref name="roots"/> (for Content-Length arithmetic).</summary>
    public static long GetHeaderLength(IReadOnlyList<Cid> roots)
    {
        var header = CarHeaderCodec.Encode(roots).Length;
        return UnsignedVarint.GetByteCount((ulong)header) + header;
    }

    /// <summary>The length of the section a block takes.</summary>
    public static long GetSectionLength(Cid cid, int blockLength)
    {
        var body = (ulong)(cid.ByteLength + blockLength);
        return UnsignedVarint.GetByteCount(body) + (long)body;
    }

    /// <summary>Writes the header and returns a writer for the blocks.</summary>
    public static async ValueTask<CarWriter> CreateAsync(Stream stream, IReadOnlyList<Cid> roots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = CarHeaderCodec.Encode(roots);
        var prefix = new byte[UnsignedVarint.MaxLength];
        var prefixLength = UnsignedVarint.Write(prefix, (ulong)header.Length);
        await stream.WriteAsync(prefix.AsMemory(0, prefixLength), cancellationToken);
        await stream.WriteAsync(header, cancellationToken);
        return new CarWriter(stream) { BytesWritten = prefixLength + header.Length };
    }

    /// <summary>Writes one block section. The block is not verified against the CID; write only blocks you hashed or verified.</summary>
    public async ValueTask WriteBlockAsync(Cid cid, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default)
    {
        if (cid.IsEmpty)
        {
            throw new ArgumentException("A CAR section needs a CID.", nameof(cid));
        }

        var needed = UnsignedVarint.MaxLength + cid.ByteLength;
        if (_prefix.Length < needed)
        {
            _prefix = new byte[needed];
        }

        var length = UnsignedVarint.Write(_prefix, (ulong)(cid.ByteLength + block.Length));
        cid.Bytes.CopyTo(_prefix.AsSpan(length));
        length += cid.ByteLength;
        await _stream.WriteAsync(_prefix.AsMemory(0, length), cancellationToken);
        if (!block.IsEmpty)
        {
            await _stream.WriteAsync(block, cancellationToken);
        }

        BytesWritten += length + block.Length;
    }
}
