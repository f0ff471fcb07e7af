using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// A legacy (type 0) transaction, <c>rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])</c>. With a
/// <see cref="ChainId"/> it is signed with EIP-155 replay protection (https://eips.ethereum.org/EIPS/eip-155):
/// the signing payload adds <c>chainId, 0, 0</c> and v = chainId·2 + 35 + y parity; without, v = 27 + y parity.
/// </summary>
public sealed record LegacyTransaction : EthereumTransaction
{
    /// <summary>Wei per gas.</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>The EIP-155 chain id, or null for an unprotected pre-EIP-155 transaction.</summary>
    public ulong? ChainId { get; init; }

    /// <inheritdoc />
    public override byte Type => 0;

    /// <inheritdoc />
    public override ulong? SigningChainId => ChainId;

    /// <inheritdoc />
    public override byte[] EncodeForSigning() =>
        ChainId is { } chainId
            ? Rlp.Encode(RlpItem.FromList([.. Fields(), Integer(chainId), RlpItem.Empty, RlpItem.Empty]))
            : Rlp.Encode(RlpItem.FromList(Fields()));

    /// <inheritdoc />
    public override byte[] EncodeSigned(in EcdsaSignature signature) =>
        Rlp.Encode(RlpItem.FromList([.. Fields(), Integer(GetV(signature.RecoveryId)), SignatureScalar(signature.R), SignatureScalar(signature.S)]));

    /// <summary>
    /// The unsigned transaction as go-ethereum's <c>types.NewTransaction(...).MarshalBinary()</c> writes it:
    /// all nine fields with v, r and s zero. MEMO's <c>/buyspace</c>, <c>/buytraffic</c> and <c>/approve</c>
    /// return this for the client to sign (compat §2.5).
    /// </summary>
    public byte[] EncodeUnsigned() =>
        Rlp.Encode(RlpItem.FromList([.. Fields(), RlpItem.Empty, RlpItem.Empty, RlpItem.Empty]));

    /// <inheritdoc />
    public override BigInteger GetV(int recoveryId) =>
        ChainId is { } chainId ? (new BigInteger(chainId) * 2) + 35 + recoveryId : 27 + recoveryId;

    private RlpItem[] Fields() =>
    [
        Integer(Nonce), Integer(GasPrice), Integer(GasLimit), RlpItem.FromAddress(To), Integer(Value), RlpItem.FromBytes(Data.Span),
    ];
}
