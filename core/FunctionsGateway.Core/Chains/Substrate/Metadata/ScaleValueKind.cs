namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>What a <see cref="ScaleValue"/> holds.</summary>
public enum ScaleValueKind
{
    /// <summary>A struct or tuple: <see cref="ScaleValue.Fields"/>.</summary>
    Composite,

    /// <summary>An enum value: <see cref="ScaleValue.VariantName"/>, <see cref="ScaleValue.VariantIndex"/> and its <see cref="ScaleValue.Fields"/>.</summary>
    Variant,

    /// <summary>A sequence or array of non-byte items: <see cref="ScaleValue.Items"/>.</summary>
    Sequence,

    /// <summary>A sequence or array of <c>u8</c>, and bit sequences: <see cref="ScaleValue.Bytes"/>.</summary>
    Bytes,

    /// <summary>An integer (also compacts and chars): <see cref="ScaleValue.Number"/>.</summary>
    Number,

    Bool,

    Text,
}
