using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>What a <c>dag/import</c> stored: the roots its CAR headers name (each pinned, or why not), and how many blocks and bytes.</summary>
internal sealed record CarImportResult(IReadOnlyList<CarImportRoot> Roots, long BlockCount, long BlockBytes);

/// <summary>One root of an import; <see cref="PinError"/> is empty when it was pinned (Kubo's <c>PinErrorMsg</c>).</summary>
internal sealed record CarImportRoot(Cid Cid, string PinError);
