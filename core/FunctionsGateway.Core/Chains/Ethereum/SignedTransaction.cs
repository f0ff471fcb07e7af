using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// A signed transaction: the fields, the signature, the raw bytes for <c>eth_sendRawTransaction</c>, the
/// transaction hash (Keccak-256 of the raw bytes) and the sender. <see cref="Decode"/> reads raw legacy
/// (with or without EIP-155) and EIP-1559 transactions back and recovers the sender, refusing high-s
/// signatures as nodes do (EIP-2).
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;
    private readonly byte[] _hash;

    internal SignedTransaction(EthereumTransaction transaction, EcdsaSignature signature, byte[] raw, EthereumAddress from)
    {
        Transaction = transaction;
        Signature = signature;
        _raw = raw;
        _hash = Keccak256.Hash(raw);
        From = from;
    }

    /// <summary>The signed fields.</summary>
    public EthereumTransaction Transaction { get; }

    /// <summary>r, s and the recovery id.</summary>
    public EcdsaSignature Signature { get; }

    /// <summary>The v value as encoded.</summary>
    public BigInteger V => Transaction.GetV(Signature.RecoveryId);

    /// <summary>The sender.</summary>
    public EthereumAddress From { get; }

    /// <summary>The raw encoding.</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <summary>The transaction hash.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <summary><c>0x</c> + hex of <see cref="Raw"/>.</summary>
    public string RawHex => "0x" + Convert.ToHexStringLower(_raw);

    /// <summary><c>0x</c> + hex of <see cref="Hash"/>.</summary>
    public string HashHex => "0x" + Convert.ToHexStringLower(_hash);

    /// <summary>Decodes a raw transaction; <see cref="FormatException"/> when malformed, unsupported or wrongly signed.</summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new FormatException("The raw transaction is empty.");
        }

        EthereumTransaction transaction;
        IReadOnlyList<RlpItem> fields;
        int recoveryId;
        if (raw[0] >= 0xc0)
        {
            fields = Rlp.Decode(raw).RequireList(9, "A legacy transaction");
            var v = fields[6].ToInteger();
            ulong? chainId;
            if (v == 27 || v == 28)
            {
                chainId = null;
                recoveryId = (int)(v - 27);
            }
            else if (v >= 35)
            {
                chainId = (ulong)((v - 35) / 2);
                recoveryId = (int)((v - 35) % 2);
            }
            else
            {
                throw new FormatException($"A legacy transaction's v is 27, 28 or at least 35, not {v}.");
            }

            transaction = new LegacyTransaction
            {
                Nonce = fields[0].ToUInt64(),
                GasPrice = fields[1].ToInteger(),
                GasLimit = fields[2].ToUInt64(),
                To = fields[3].ToAddressOrNull(),
                Value = fields[4].ToInteger(),
                Data = fields[5].Bytes.ToArray(),
                ChainId = chainId,
            };
        }
        else if (raw[0] == Eip1559Transaction.TypeByte)
        {
            fields = Rlp.Decode(raw[1..]).RequireList(12, "An EIP-1559 transaction");
            var parity = fields[9].ToInteger();
            recoveryId = parity <= 1 ? (int)parity : throw new FormatException("The y parity is 0 or 1.");
            if (!fields[8].IsList)
            {
                throw new FormatException("The access list is an RLP list.");
            }

            transaction = new Eip1559Transaction
            {
                ChainId = fields[0].ToUInt64(),
                Nonce = fields[1].ToUInt64(),
                MaxPriorityFeePerGas = fields[2].ToInteger(),
                MaxFeePerGas = fields[3].ToInteger(),
                GasLimit = fields[4].ToUInt64(),
                To = fields[5].ToAddressOrNull(),
                Value = fields[6].ToInteger(),
                Data = fields[7].Bytes.ToArray(),
                AccessList = [.. fields[8].Items.Select(AccessListEntry.FromRlp)],
            };
        }
        else
        {
            throw new FormatException($"Transaction type 0x{raw[0]:x2} is not supported (legacy and EIP-1559 are).");
        }

        var signature = new EcdsaSignature(Scalar(fields[^2]), Scalar(fields[^1]), recoveryId);
        Span<byte> publicKey = stackalloc byte[Secp256k1.PublicKeyLength];
        var status = Secp256k1.TryRecoverPublicKey(transaction.GetSigningHash(), signature, publicKey, requireLowS: true);
        if (status != SignatureStatus.Valid)
        {
            throw new FormatException($"The transaction's signature is not valid: {status}.");
        }

        var decoded = new SignedTransaction(transaction, signature, raw.ToArray(), EthereumAddress.FromPublicKey(publicKey));
        return decoded._raw.AsSpan().SequenceEqual(transaction.EncodeSigned(signature))
            ? decoded
            : throw new FormatException("The transaction does not re-encode to the same bytes.");
    }

    private static byte[] Scalar(RlpItem item)
    {
        var value = item.ToInteger();
        if (value.GetBitLength() > 256)
        {
            throw new FormatException("A signature scalar is at most 32 bytes.");
        }

        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
