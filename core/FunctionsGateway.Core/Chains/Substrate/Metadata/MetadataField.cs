namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>A field of a composite or of an enum variant: its name (null in tuple-like structs), type id and declared type name.</summary>
public sealed record MetadataField(string? Name, uint TypeId, string? TypeName);
