using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>
/// A dag-pb <c>PBLink</c> (https://ipld.io/specs/codecs/dag-pb/spec/): the target CID, an optional name and
/// the cumulative size of the target DAG. A null <see cref="Name"/> is absent from the encoding; an empty
/// one is written as <c>12 00</c>, which Kubo's file nodes need (spec/standards.md §4).
/// </summary>
internal readonly record struct DagPbLink(Cid Hash, string? Name, ulong? Tsize);
