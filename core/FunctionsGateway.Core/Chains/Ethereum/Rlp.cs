using System.Buffers.Binary;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// Recursive Length Prefix encoding (yellow paper Appendix B; https://ethereum.org/developers/docs/data-structures-and-encoding/rlp).
/// Decoding is strict: the input is exactly one item, every length is the shortest possible (a single byte
/// below 0x80 is never wrapped, long forms only above 55 bytes, no leading zeros in lengths), and nothing
/// runs past its container.
/// </summary>
public static class Rlp
{
    /// <summary>Encodes an item.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[EncodedLength(item)];
        var written = Write(item, output);
        return written == output.Length ? output : throw new InvalidOperationException("RLP length mismatch.");
    }

    /// <summary>Decodes exactly one item from <paramref name="encoded"/>; <see cref="FormatException"/> when malformed.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var item = Read(encoded, out var consumed);
        if (consumed != encoded.Length)
        {
            throw new FormatException($"{encoded.Length - consumed} bytes follow the RLP item.");
        }

        return item;
    }

    private static int EncodedLength(RlpItem item)
    {
        if (!item.IsList)
        {
            return item.Bytes.Length == 1 && item.Bytes[0] < 0x80 ? 1 : PrefixLength(item.Bytes.Length) + item.Bytes.Length;
        }

        var payload = PayloadLength(item);
        return PrefixLength(payload) + payload;
    }

    private static int PayloadLength(RlpItem list)
    {
        var payload = 0;
        foreach (var child in list.Items)
        {
            payload += EncodedLength(child);
        }

        return payload;
    }

    private static int PrefixLength(int payloadLength) => payloadLength <= 55 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length) => length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;

    private static int Write(RlpItem item, Span<byte> output)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                output[0] = bytes[0];
                return 1;
            }

            var prefix = WritePrefix(0x80, bytes.Length, output);
            bytes.CopyTo(output[prefix..]);
            return prefix + bytes.Length;
        }

        var written = WritePrefix(0xc0, PayloadLength(item), output);
        foreach (var child in item.Items)
        {
            written += Write(child, output[written..]);
        }

        return written;
    }

    private static int WritePrefix(byte offset, int length, Span<byte> output)
    {
        if (length <= 55)
        {
            output[0] = (byte)(offset + length);
            return 1;
        }

        var lengthOfLength = LengthOfLength(length);
        output[0] = (byte)(offset + 55 + lengthOfLength);
        Span<byte> big = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(big, length);
        big[(4 - lengthOfLength)..].CopyTo(output[1..]);
        return 1 + lengthOfLength;
    }

    private static RlpItem Read(ReadOnlySpan<byte> input, out int consumed)
    {
        if (input.IsEmpty)
        {
            throw new FormatException("RLP input ended where an item was expected.");
        }

        var prefix = input[0];
        if (prefix < 0x80)
        {
            consumed = 1;
            return RlpItem.FromBytes(input[..1]);
        }

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int headerLength, payloadLength;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            payloadLength = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (lengthOfLength > 4 || input.Length < 1 + lengthOfLength)
            {
                throw new FormatException("RLP length prefix is truncated or longer than 4 bytes.");
            }

            var lengthBytes = input.Slice(1, lengthOfLength);
            if (lengthBytes[0] == 0)
            {
                throw new FormatException("RLP length has a leading zero byte.");
            }

            long length = 0;
            foreach (var b in lengthBytes)
            {
                length = (length << 8) | b;
            }

            if (length <= 55)
            {
                throw new FormatException("RLP uses the long form for a length of 55 or less.");
            }

            if (length > int.MaxValue)
            {
                throw new FormatException("RLP item is too long.");
            }

            headerLength = 1 + lengthOfLength;
            payloadLength = (int)length;
        }

        if (input.Length - headerLength < payloadLength)
        {
            throw new FormatException("RLP item runs past the end of its input.");
        }

        var payload = input.Slice(headerLength, payloadLength);
        consumed = headerLength + payloadLength;
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new FormatException("RLP wraps a single byte below 0x80 in a string prefix.");
            }

            return RlpItem.FromBytes(payload);
        }

        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(Read(payload, out var used));
            payload = payload[used..];
        }

        return RlpItem.FromList(items);
    }
}
