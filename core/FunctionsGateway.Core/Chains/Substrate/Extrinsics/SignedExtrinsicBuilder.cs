using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>
/// Builds signed extrinsics of format version 4 (sp-runtime <c>generic/unchecked_extrinsic.rs</c>;
/// spec/cess.md §4.3):
/// <code>
/// Compact(len) ‖ 0x84 ‖ MultiAddress::Id(0x00 ‖ account) ‖ MultiSignature(variant ‖ sig) ‖ extra ‖ call
/// payload = call ‖ extra ‖ additional signed, signed as is, or as blake2_256(payload) when longer than 256 bytes
/// </code>
/// Pure: the caller supplies nonce, era and the chain's versions and hashes.
/// </summary>
public static class SignedExtrinsicBuilder
{
    private const byte SignedV4 = 0b1000_0000 | 4;

    /// <summary>The bytes a signer signs (after the long-payload hashing rule).</summary>
    public static byte[] SigningPayload(ReadOnlySpan<byte> call, TransactionExtensionLayout layout, in TransactionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var payload = new ScaleWriter().WriteRaw(call);
        layout.WriteExtra(payload, parameters);
        layout.WriteAdditionalSigned(payload, parameters);
        return payload.Length > 256 ? Blake2b.Hash256(payload.WrittenSpan) : payload.ToArray();
    }

    public static SignedExtrinsic Build(ReadOnlySpan<byte> call, ISubstrateSigner signer, TransactionExtensionLayout layout, in TransactionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(layout);
        var signature = signer.Sign(SigningPayload(call, layout, parameters));

        var body = new ScaleWriter()
            .WriteU8(SignedV4)
            .WriteVariant(0) // MultiAddress::Id
            .WriteRaw(signer.AccountId)
            .WriteVariant((byte)signer.Scheme)
            .WriteRaw(signature);
        layout.WriteExtra(body, parameters);
        body.WriteRaw(call);

        var extrinsic = new ScaleWriter().WriteBytes(body.WrittenSpan).ToArray();
        return new SignedExtrinsic(extrinsic, Blake2b.Hash256(extrinsic));
    }
}
