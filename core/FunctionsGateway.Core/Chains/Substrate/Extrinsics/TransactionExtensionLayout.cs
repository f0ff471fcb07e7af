using FunctionsGateway.Core.Chains.Substrate.Metadata;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>
/// How a runtime's transaction extensions (signed extensions) are encoded, in the order its metadata
/// lists them. Known FRAME extensions contribute their data (frame-system <c>extensions/*</c>,
/// pallet-transaction-payment, frame-metadata-hash-extension); an unknown one is accepted only when
/// both of its types are zero-sized, as CESS's <c>CheckMqSequence</c> is (spec/cess.md §1.3).
/// </summary>
public sealed class TransactionExtensionLayout
{
    private readonly IReadOnlyList<string> _identifiers;

    private TransactionExtensionLayout(IReadOnlyList<string> identifiers) => _identifiers = identifiers;

    /// <summary>The identifiers in encoding order.</summary>
    public IReadOnlyList<string> Identifiers => _identifiers;

    /// <summary>
    /// The layout of a runtime; throws <see cref="NotSupportedException"/> naming the extension when one
    /// carries data this builder cannot provide.
    /// </summary>
    public static TransactionExtensionLayout FromMetadata(RuntimeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var extension in metadata.SignedExtensions)
        {
            if (!IsKnown(extension.Identifier) &&
                !(IsZeroSized(metadata, extension.TypeId) && IsZeroSized(metadata, extension.AdditionalSignedTypeId)))
            {
                throw new NotSupportedException(
                    $"The runtime's transaction extension {extension.Identifier} carries data this client does not know how to fill.");
            }
        }

        return new TransactionExtensionLayout(metadata.SignedExtensions.Select(e => e.Identifier).ToList());
    }

    /// <summary>The layout CESS's runtime declares (spec/cess.md §1.3), for building extrinsics without metadata (tests).</summary>
    public static TransactionExtensionLayout Cess { get; } = new(
    [
        "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
        "CheckNonce", "CheckWeight", "CheckMqSequence", "ChargeTransactionPayment",
    ]);

    /// <summary>The extensions' data inside the extrinsic ("extra").</summary>
    public void WriteExtra(ScaleWriter writer, in TransactionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var identifier in _identifiers)
        {
            switch (identifier)
            {
                case "CheckMortality" or "CheckEra":
                    writer.WriteRaw(parameters.Era.Encode());
                    break;
                case "CheckNonce":
                    writer.WriteCompact(parameters.Nonce);
                    break;
                case "ChargeTransactionPayment":
                    writer.WriteCompact(parameters.Tip);
                    break;
                case "ChargeAssetTxPayment":
                    writer.WriteCompact(parameters.Tip).WriteU8(0); // no asset: pay in the native token
                    break;
                case "CheckMetadataHash":
                    writer.WriteU8(0); // Mode::Disabled
                    break;
            }
        }
    }

    /// <summary>The extensions' data signed but not sent ("additional signed").</summary>
    public void WriteAdditionalSigned(ScaleWriter writer, in TransactionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var identifier in _identifiers)
        {
            switch (identifier)
            {
                case "CheckSpecVersion":
                    writer.WriteU32(parameters.SpecVersion);
                    break;
                case "CheckTxVersion":
                    writer.WriteU32(parameters.TransactionVersion);
                    break;
                case "CheckGenesis":
                    writer.WriteRaw(parameters.GenesisHash.Span);
                    break;
                case "CheckMortality" or "CheckEra":
                    writer.WriteRaw((parameters.Era.IsImmortal ? parameters.GenesisHash : parameters.EraBlockHash).Span);
                    break;
                case "CheckMetadataHash":
                    writer.WriteU8(0); // Option<[u8; 32]>::None
                    break;
            }
        }
    }

    private static bool IsKnown(string identifier) => identifier is
        "CheckNonZeroSender" or "CheckSpecVersion" or "CheckTxVersion" or "CheckGenesis" or "CheckMortality" or
        "CheckEra" or "CheckNonce" or "CheckWeight" or "ChargeTransactionPayment" or "ChargeAssetTxPayment" or
        "CheckMetadataHash";

    private static bool IsZeroSized(RuntimeMetadata metadata, uint typeId)
    {
        var type = metadata.GetType(typeId);
        return type.Kind switch
        {
            MetadataTypeKind.Composite => type.Fields.All(f => IsZeroSized(metadata, f.TypeId)),
            MetadataTypeKind.Tuple => type.TupleTypeIds.All(id => IsZeroSized(metadata, id)),
            MetadataTypeKind.Array => type.ArrayLength == 0 || IsZeroSized(metadata, type.ElementTypeId),
            _ => false,
        };
    }
}
