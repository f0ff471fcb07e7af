namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>An enum variant: name, encoded index and fields (for calls: the call's arguments in order).</summary>
public sealed record MetadataVariant(string Name, byte Index, IReadOnlyList<MetadataField> Fields);
