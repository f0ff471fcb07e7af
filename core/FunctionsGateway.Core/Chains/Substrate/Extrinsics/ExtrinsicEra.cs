using System.Numerics;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>
/// The validity window of a transaction (sp-runtime <c>generic/era.rs</c>): immortal (<c>0x00</c>), or
/// mortal for <see cref="Period"/> blocks (a power of two, 4–65536) starting at the block whose number
/// modulo the period is <see cref="Phase"/>. Mortal eras encode as two bytes.
/// </summary>
public readonly record struct ExtrinsicEra(ulong Period, ulong Phase)
{
    public static ExtrinsicEra Immortal => default;

    public bool IsImmortal => Period == 0;

    /// <summary>
    /// A mortal era of about <paramref name="period"/> blocks beginning at <paramref name="currentBlock"/>
    /// (era.rs <c>Era::mortal</c>: the period rounded up to a power of two and clamped to 4..65536, the
    /// phase quantized to a 4096th of it).
    /// </summary>
    public static ExtrinsicEra Mortal(ulong period, ulong currentBlock)
    {
        var p = Math.Clamp(BitOperations.RoundUpToPowerOf2(period), 4UL, 1UL << 16);
        var phase = currentBlock % p;
        var quantize = Math.Max(p >> 12, 1);
        return new ExtrinsicEra(p, phase / quantize * quantize);
    }

    /// <summary>The first block of the era that contains <paramref name="currentBlock"/>; its hash goes into the signed payload.</summary>
    public ulong BirthBlock(ulong currentBlock) =>
        IsImmortal ? 0 : (((Math.Max(currentBlock, Phase) - Phase) / Period) * Period) + Phase;

    public byte[] Encode()
    {
        if (IsImmortal)
        {
            return [0];
        }

        var quantize = Math.Max(Period >> 12, 1);
        var encoded = (ushort)(Math.Clamp(BitOperations.TrailingZeroCount(Period) - 1, 1, 15) | (int)((Phase / quantize) << 4));
        return [(byte)encoded, (byte)(encoded >> 8)];
    }

    /// <summary>Reads an era from its encoding (one byte 0x00, or two bytes).</summary>
    public static ExtrinsicEra Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 1 && bytes[0] == 0)
        {
            return Immortal;
        }

        if (bytes.Length < 2)
        {
            throw new FormatException("A mortal era is two bytes.");
        }

        var encoded = (ulong)(bytes[0] | (bytes[1] << 8));
        var period = 2UL << (int)(encoded % (1 << 4));
        var quantize = Math.Max(period >> 12, 1);
        var phase = (encoded >> 4) * quantize;
        return period < 4 || phase >= period ? throw new FormatException("Invalid mortal era.") : new ExtrinsicEra(period, phase);
    }
}
