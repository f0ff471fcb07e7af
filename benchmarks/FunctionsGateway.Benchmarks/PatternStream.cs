using System.Buffers.Binary;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// A non-seekable stream of <c>length</c> pseudo-random bytes generated on the fly (xorshift64*), so a
/// 1 GiB body costs no memory and both uploads send identical bytes.
/// </summary>
internal sealed class PatternStream(long length, ulong seed = 0x9E3779B97F4A7C15) : ReadOnlyStream
{
    private long _position;
    private readonly byte[] _carry = new byte[8];
    private int _carryUsed = 8;
    private ulong _state = seed;

    public override long Length => length;

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        var i = 0;
        while (i < n && _carryUsed < 8)
        {
            buffer[i++] = _carry[_carryUsed++];
        }

        for (; i + 8 <= n; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[i..], Next());
        }

        if (i < n)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_carry, Next());
            _carryUsed = 0;
            while (i < n)
            {
                buffer[i++] = _carry[_carryUsed++];
            }
        }

        _position += n;
        return n;
    }

    private ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }
}
