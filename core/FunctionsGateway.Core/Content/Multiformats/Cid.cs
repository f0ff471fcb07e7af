using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace FunctionsGateway.Core.Content.Multiformats;

/// <summary>
/// A content identifier (https://github.com/multiformats/cid): version, content codec and multihash.
/// CIDv0 is a bare sha2-256 multihash of a dag-pb block, written in base58btc (<c>Qm…</c>); CIDv1 is
/// <c>varint(1) ‖ varint(codec) ‖ multihash</c>, written here in multibase base32 lower (<c>b…</c>), the way Kubo
/// prints it (spec/standards.md §4). Parsing also accepts multibase base58btc (<c>z…</c>).
/// </summary>
/// <remarks>An immutable value; <c>default</c> is an empty placeholder that is not a valid CID (<see cref="IsEmpty"/>).</remarks>
[DebuggerDisplay("{ToString(),nq}")]
internal readonly struct Cid : IEquatable<Cid>
{
    private readonly byte[]? _bytes;
    private readonly ulong _codec;
    private readonly ulong _hashFunction;
    private readonly int _multihashOffset;
    private readonly int _digestOffset;
    private readonly int _version;

    private Cid(byte[] bytes, int version, ulong codec, int multihashOffset, ulong hashFunction, int digestOffset)
    {
        _bytes = bytes;
        _version = version;
        _codec = codec;
        _multihashOffset = multihashOffset;
        _hashFunction = hashFunction;
        _digestOffset = digestOffset;
    }

    /// <summary>True for <c>default(Cid)</c>.</summary>
    public bool IsEmpty => _bytes is null;

    /// <summary>0 or 1.</summary>
    public int Version => _version;

    /// <summary>The content codec (<see cref="Multicodec.DagPb"/> for every CIDv0).</summary>
    public ulong Codec => _codec;

    /// <summary>The multihash function code (<see cref="Multicodec.Sha2_256"/>, <see cref="Multicodec.Identity"/>, …).</summary>
    public ulong HashFunction => _hashFunction;

    /// <summary>True when the multihash is the identity: the block is the digest itself.</summary>
    public bool IsIdentity => _bytes is not null && _hashFunction == Multicodec.Identity;

    /// <summary>The binary CID.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The length of the binary CID.</summary>
    public int ByteLength => _bytes?.Length ?? 0;

    /// <summary>The multihash: function code, digest length, digest.</summary>
    public ReadOnlySpan<byte> Multihash => Required.AsSpan(_multihashOffset);

    /// <summary>The digest (for identity CIDs, the content).</summary>
    public ReadOnlySpan<byte> Digest => Required.AsSpan(_digestOffset);

    private byte[] Required => _bytes ?? throw new InvalidOperationException("The CID is empty (default).");

    public static bool operator ==(Cid left, Cid right) => left.Equals(right);

    public static bool operator !=(Cid left, Cid right) => !left.Equals(right);

    /// <summary>The sha2-256 CID of <paramref name="block"/>; version 0 requires <paramref name="codec"/> = dag-pb.</summary>
    public static Cid Compute(int version, ulong codec, ReadOnlySpan<byte> block)
    {
        Span<byte> digest = stackalloc byte[Multicodec.Sha2_256Length];
        SHA256.HashData(block, digest);
        return FromSha256(version, codec, digest);
    }

    /// <summary>A sha2-256 CID from its digest; version 0 requires <paramref name="codec"/> = dag-pb.</summary>
    public static Cid FromSha256(int version, ulong codec, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Multicodec.Sha2_256Length)
        {
            throw new ArgumentException("A sha2-256 digest is 32 bytes.", nameof(digest));
        }

        if (version == 0)
        {
            if (codec != Multicodec.DagPb)
            {
                throw new ArgumentException($"CIDv0 is always dag-pb; {Multicodec.Describe(codec)} needs CIDv1.", nameof(codec));
            }

            var v0 = new byte[2 + Multicodec.Sha2_256Length];
            v0[0] = (byte)Multicodec.Sha2_256;
            v0[1] = Multicodec.Sha2_256Length;
            digest.CopyTo(v0.AsSpan(2));
            return new Cid(v0, 0, Multicodec.DagPb, 0, Multicodec.Sha2_256, 2);
        }

        return version == 1
            ? CreateV1(codec, Multicodec.Sha2_256, digest)
            : throw new ArgumentOutOfRangeException(nameof(version), version, "CID version must be 0 or 1.");
    }

    /// <summary>A CIDv1 whose identity multihash holds <paramref name="content"/> (e.g. <c>bafkqaaa</c>, the empty raw block).</summary>
    public static Cid CreateIdentity(ulong codec, ReadOnlySpan<byte> content) => CreateV1(codec, Multicodec.Identity, content);

    /// <summary>A CIDv1 from its parts.</summary>
    public static Cid CreateV1(ulong codec, ulong hashFunction, ReadOnlySpan<byte> digest)
    {
        var codecLength = UnsignedVarint.GetByteCount(codec);
        var functionLength = UnsignedVarint.GetByteCount(hashFunction);
        var digestLengthLength = UnsignedVarint.GetByteCount((ulong)digest.Length);
        var bytes = new byte[1 + codecLength + functionLength + digestLengthLength + digest.Length];
        bytes[0] = 1;
        var o = 1 + UnsignedVarint.Write(bytes.AsSpan(1), codec);
        var multihashOffset = o;
        o += UnsignedVarint.Write(bytes.AsSpan(o), hashFunction);
        o += UnsignedVarint.Write(bytes.AsSpan(o), (ulong)digest.Length);
        digest.CopyTo(bytes.AsSpan(o));
        return new Cid(bytes, 1, codec, multihashOffset, hashFunction, o);
    }

    /// <summary>Parses the text form (<c>Qm…</c>, <c>b…</c> or <c>z…</c>).</summary>
    /// <exception cref="FormatException">The text is not a CID; the message says why.</exception>
    public static Cid Parse(string text)
    {
        var error = ParseText(text, out var cid);
        return error is null ? cid : throw new FormatException($"Invalid CID \"{Shorten(text)}\": {error}.");
    }

    /// <summary>Parses the text form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cid cid) => TryParse(text, out cid, out _);

    /// <summary>Parses the text form; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cid cid, [NotNullWhen(false)] out string? error)
    {
        error = ParseText(text.AsSpan(), out cid);
        return error is null;
    }

    /// <summary>Reads the binary CID that makes up all of <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not exactly one CID; the message says why.</exception>
    public static Cid FromBytes(ReadOnlySpan<byte> bytes)
    {
        var error = TryFromBytes(bytes, out var cid);
        return error is null ? cid : throw new FormatException($"Invalid binary CID: {error}.");
    }

    /// <summary>Reads the binary CID that makes up all of <paramref name="bytes"/>; returns null or the reason it is not one.</summary>
    public static string? TryFromBytes(ReadOnlySpan<byte> bytes, out Cid cid)
    {
        var error = TryRead(bytes, out cid, out var read);
        if (error is null && read != bytes.Length)
        {
            cid = default;
            return $"{bytes.Length - read} bytes follow the CID";
        }

        return error;
    }

    /// <summary>
    /// Reads a binary CID from the start of <paramref name="source"/> (as in a CAR section or a dag-pb link);
    /// returns null and the bytes it took, or the reason it is not a CID.
    /// </summary>
    public static string? TryRead(ReadOnlySpan<byte> source, out Cid cid, out int bytesRead)
    {
        cid = default;
        bytesRead = 0;
        if (source.IsEmpty)
        {
            return "no bytes";
        }

        // CIDv0: the multihash 0x12 0x20 ‖ 32 bytes, with no version prefix (cid spec, "Decoding Algorithm").
        if (source[0] == (byte)Multicodec.Sha2_256)
        {
            if (source.Length < 2 || source[1] != Multicodec.Sha2_256Length)
            {
                return "a CIDv0 is a sha2-256 multihash (0x12 0x20) with a 32-byte digest";
            }

            if (source.Length < 34)
            {
                return $"truncated multihash: 32 digest bytes declared, {source.Length - 2} present";
            }

            cid = new Cid(source[..34].ToArray(), 0, Multicodec.DagPb, 0, Multicodec.Sha2_256, 2);
            bytesRead = 34;
            return null;
        }

        var status = UnsignedVarint.TryRead(source, out var version, out var o);
        if (status != VarintReadStatus.Ok)
        {
            return UnsignedVarint.Describe(status, "CID version");
        }

        if (version != 1)
        {
            return version == 0
                ? "version 0 is never written as a prefix: a CIDv0 is a bare sha2-256 multihash"
                : $"unsupported CID version {version}";
        }

        status = UnsignedVarint.TryRead(source[o..], out var codec, out var n);
        if (status != VarintReadStatus.Ok)
        {
            return UnsignedVarint.Describe(status, "CID codec");
        }

        o += n;
        var multihashOffset = o;
        status = UnsignedVarint.TryRead(source[o..], out var function, out n);
        if (status != VarintReadStatus.Ok)
        {
            return UnsignedVarint.Describe(status, "multihash function");
        }

        o += n;
        status = UnsignedVarint.TryRead(source[o..], out var digestLength, out n);
        if (status != VarintReadStatus.Ok)
        {
            return UnsignedVarint.Describe(status, "multihash length");
        }

        o += n;
        if (digestLength > (ulong)(source.Length - o))
        {
            return $"truncated multihash: {digestLength} digest bytes declared, {source.Length - o} present";
        }

        if (function == Multicodec.Sha2_256 && digestLength != Multicodec.Sha2_256Length)
        {
            return $"a sha2-256 multihash has a 32-byte digest, not {digestLength}";
        }

        var end = o + (int)digestLength;
        cid = new Cid(source[..end].ToArray(), 1, codec, multihashOffset, function, o);
        bytesRead = end;
        return null;
    }

    /// <summary>This CID as CIDv1 (a CIDv0 becomes dag-pb CIDv1 with the same multihash).</summary>
    public Cid ToV1() => _version == 1 ? this : CreateV1(Multicodec.DagPb, Multicodec.Sha2_256, Digest);

    /// <summary>A copy of the binary CID.</summary>
    public byte[] ToBytes() => Required.ToArray();

    /// <summary>Kubo's text form: base58btc for CIDv0, multibase base32 lower (<c>b…</c>) for CIDv1.</summary>
    public override string ToString()
    {
        if (_bytes is null)
        {
            return string.Empty;
        }

        if (_version == 0)
        {
            Span<char> text = stackalloc char[Base58Btc.GetMaxEncodedLength(_bytes.Length)];
            var length = Base58Btc.Encode(_bytes, text);
            return new string(text[..length]);
        }

        return string.Create(1 + Base32Lower.GetEncodedLength(_bytes.Length), _bytes, static (chars, bytes) =>
        {
            chars[0] = 'b';
            Base32Lower.Encode(bytes, chars[1..]);
        });
    }

    /// <inheritdoc />
    public bool Equals(Cid other) => Bytes.SequenceEqual(other.Bytes) && (_bytes is null) == (other._bytes is null);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Cid other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    private static string? ParseText(ReadOnlySpan<char> text, out Cid cid)
    {
        cid = default;
        if (text.IsEmpty)
        {
            return "the text is empty";
        }

        if (text.StartsWith("Qm", StringComparison.Ordinal))
        {
            if (text.Length != 46)
            {
                return $"a CIDv0 is 46 base58btc characters starting with \"Qm\", not {text.Length}";
            }

            Span<byte> v0 = stackalloc byte[Base58Btc.GetMaxDecodedLength(text.Length)];
            var error = Base58Btc.TryDecode(text, v0, out var length);
            if (error is not null)
            {
                return error;
            }

            return TryFromBytes(v0[..length], out cid);
        }

        var body = text[1..];
        switch (text[0])
        {
            case 'b':
            {
                Span<byte> bytes = body.Length <= 512 ? stackalloc byte[body.Length] : new byte[body.Length];
                var error = Base32Lower.TryDecode(body, bytes, out var length);
                return error ?? TryFromBytes(bytes[..length], out cid);
            }

            case 'z':
            {
                var max = Base58Btc.GetMaxDecodedLength(body.Length);
                Span<byte> bytes = max <= 512 ? stackalloc byte[max] : new byte[max];
                var error = Base58Btc.TryDecode(body, bytes, out var length);
                return error ?? TryFromBytes(bytes[..length], out cid);
            }

            default:
                return $"unsupported multibase prefix '{text[0]}' (expected 'b' base32, 'z' base58btc or a \"Qm\" CIDv0)";
        }
    }

    private static string Shorten(string? text) =>
        text is null ? "(null)" : text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
