namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>A transaction extension: its identifier, the type it adds to the extrinsic and the type it adds to the signed payload only.</summary>
public sealed record SignedExtensionMetadata(string Identifier, uint TypeId, uint AdditionalSignedTypeId);
