using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// The fields every transaction type shares (yellow paper §4.2). <see cref="Sign"/> hashes the type's
/// signing payload, signs it deterministically (RFC 6979, low s) and encodes the raw transaction that
/// <c>eth_sendRawTransaction</c> takes.
/// </summary>
public abstract record EthereumTransaction
{
    /// <summary>The sender's transaction count.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null creates a contract from <see cref="Data"/>.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or contract init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The EIP-2718 type: 0 for legacy, 2 for EIP-1559.</summary>
    public abstract byte Type { get; }

    /// <summary>The chain id the signature binds to, or null for a pre-EIP-155 legacy transaction.</summary>
    public abstract ulong? SigningChainId { get; }

    /// <summary>Keccak-256 of the signing payload.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash(EncodeForSigning());

    /// <summary>Signs with a 32-byte private key.</summary>
    public SignedTransaction Sign(ReadOnlySpan<byte> privateKey)
    {
        var signature = Secp256k1.Sign(GetSigningHash(), privateKey);
        return new SignedTransaction(this, signature, EncodeSigned(signature), EthereumAddress.FromPrivateKey(privateKey));
    }

    /// <summary>The bytes whose hash is signed.</summary>
    public abstract byte[] EncodeForSigning();

    /// <summary>The raw signed transaction for a signature over <see cref="GetSigningHash"/>.</summary>
    public abstract byte[] EncodeSigned(in EcdsaSignature signature);

    /// <summary>The transaction's v value for a recovery id (legacy: 27/28 or EIP-155's chainId·2+35/36; typed: the y parity).</summary>
    public abstract BigInteger GetV(int recoveryId);

    /// <summary>Field-by-field equality, comparing <see cref="Data"/> by content.</summary>
    public virtual bool Equals(EthereumTransaction? other) =>
        other is not null && EqualityContract == other.EqualityContract && Nonce == other.Nonce && GasLimit == other.GasLimit
        && To == other.To && Value == other.Value && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, Nonce, GasLimit, To, Value, Data.Length);

    private protected static RlpItem Integer(BigInteger value) => RlpItem.FromInteger(value);

    private protected static RlpItem SignatureScalar(ReadOnlySpan<byte> scalar) =>
        RlpItem.FromInteger(new BigInteger(scalar, isUnsigned: true, isBigEndian: true));
}
