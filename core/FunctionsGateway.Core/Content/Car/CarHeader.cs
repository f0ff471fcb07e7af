using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Car;

/// <summary>The CARv1 header (https://ipld.io/specs/transport/car/carv1/#header): the root CIDs (possibly none).</summary>
internal sealed record CarHeader(IReadOnlyList<Cid> Roots);
