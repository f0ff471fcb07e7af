using FunctionsGateway.Core.Chains.Substrate.Metadata;

namespace FunctionsGateway.Core.Chains.Substrate.Events;

/// <summary>
/// Why a dispatched extrinsic failed (sp-runtime <c>DispatchError</c>). For <c>Module</c> errors,
/// <see cref="Pallet"/> and <see cref="Name"/> come from the metadata (pallet index → error enum →
/// variant at the error index), e.g. <c>StorageHandler</c> / <c>BoundariesNotMet</c>; otherwise
/// <see cref="Name"/> is the variant, e.g. <c>BadOrigin</c> or <c>Token.FundsUnavailable</c>.
/// </summary>
public sealed record DispatchError(string? Pallet, string Name, byte? PalletIndex, byte? ErrorIndex)
{
    /// <summary><c>Pallet.Name</c> for module errors, else the name.</summary>
    public string QualifiedName => Pallet is null ? Name : $"{Pallet}.{Name}";

    public override string ToString() => QualifiedName;

    /// <summary>Reads the <c>dispatch_error</c> field of <c>System.ExtrinsicFailed</c>.</summary>
    public static DispatchError FromValue(RuntimeMetadata metadata, ScaleValue error)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(error);
        if (error.VariantName == "Module")
        {
            // ModuleError { index: u8, error: [u8; 4] } (or error: u8 before polkadot-sdk 0.9.25).
            var module = error.FieldAt(0);
            var palletIndex = (byte)(module.Field("index") ?? module.FieldAt(0)).Number;
            var errorValue = module.Field("error") ?? module.FieldAt(1);
            var errorIndex = errorValue.Kind == ScaleValueKind.Bytes ? errorValue.Bytes.Span[0] : (byte)errorValue.Number;
            var pallet = metadata.FindPallet(palletIndex)?.Name;
            var name = metadata.FindError(palletIndex, errorIndex)?.Name ?? $"Error{errorIndex}";
            return new DispatchError(pallet ?? $"Pallet{palletIndex}", name, palletIndex, errorIndex);
        }

        // Token(FundsUnavailable), Arithmetic(Overflow), …: name the inner variant too.
        var detail = error.Fields.Count == 1 && error.FieldAt(0).Kind == ScaleValueKind.Variant ? "." + error.FieldAt(0).VariantName : string.Empty;
        return new DispatchError(null, error.VariantName + detail, null, null);
    }
}
