namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>
/// A secp256k1 ECDSA signature (SEC 1 §4.1) with the recovery id that selects R among the candidate
/// points (bit 0: parity of R.y, bit 1: R.x ≥ n). r and s are 32-byte big-endian.
/// </summary>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    private readonly byte[] _rs;

    /// <summary>Creates a signature from r and s (at most 32 bytes each, big-endian) and a recovery id 0–3.</summary>
    public EcdsaSignature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId)
    {
        if (r.Length > 32 || s.Length > 32)
        {
            throw new ArgumentException("r and s are at most 32 bytes each.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(recoveryId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recoveryId, 3);
        _rs = new byte[64];
        r.CopyTo(_rs.AsSpan(32 - r.Length));
        s.CopyTo(_rs.AsSpan(64 - s.Length));
        RecoveryId = recoveryId;
    }

    /// <summary>r, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => Bytes[..32];

    /// <summary>s, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> S => Bytes[32..];

    /// <summary>r ‖ s, 64 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _rs ?? new byte[64];

    /// <summary>0–3; Ethereum signatures only use 0 and 1 (R.x ≥ n happens with probability ~2^-127).</summary>
    public int RecoveryId { get; }

    /// <summary>True when s ≤ n/2, the canonical form EIP-2 requires of transactions.</summary>
    public bool IsLowS => Secp256k1.IsLowS(S);

    /// <summary>The 65-byte <c>r ‖ s ‖ v</c> form with v in the given convention.</summary>
    public byte[] ToRsv(SignatureVForm form = SignatureVForm.Legacy)
    {
        if (RecoveryId > 1)
        {
            throw new InvalidOperationException("Recovery ids 2 and 3 have no 65-byte Ethereum encoding.");
        }

        var rsv = new byte[65];
        Bytes.CopyTo(rsv);
        rsv[64] = (byte)(form == SignatureVForm.Legacy ? RecoveryId + 27 : RecoveryId);
        return rsv;
    }

    /// <inheritdoc />
    public bool Equals(EcdsaSignature other) => RecoveryId == other.RecoveryId && Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);

    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);
}
