namespace FunctionsGateway.Core.Auth.Crypto;

/// <summary>The outcome of recovering or verifying a secp256k1 signature; every failure has its own value.</summary>
public enum SignatureStatus
{
    /// <summary>The signature is well formed and a key was recovered (or the given key verified).</summary>
    Valid,

    /// <summary>The signature is not 65 bytes (r ‖ s ‖ v), or its hash is not 32 bytes.</summary>
    InvalidLength,

    /// <summary>v is not one of 0, 1, 27, 28 (or the recovery id is not 0–3).</summary>
    InvalidRecoveryId,

    /// <summary>r or s is 0 or not below the group order n (SEC 1 §4.1.4 step 1).</summary>
    ScalarOutOfRange,

    /// <summary>s is above n/2 and the caller asked for canonical low-s signatures (EIP-2).</summary>
    HighS,

    /// <summary>No curve point has x = r (+ n) with the requested parity, or the recovered key is the point at infinity.</summary>
    NoSuchPoint,

    /// <summary>The signature is well formed but does not verify against the given key.</summary>
    Mismatch,
}
