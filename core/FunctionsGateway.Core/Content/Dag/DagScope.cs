namespace FunctionsGateway.Core.Content.Dag;

/// <summary>The trustless gateway's <c>dag-scope</c> (https://specs.ipfs.tech/http-gateways/trustless-gateway/; spec/standards.md §5.3).</summary>
internal enum DagScope
{
    /// <summary>Every block reachable from the root (the default).</summary>
    All,

    /// <summary>The blocks that make up the entity: a whole UnixFS file, a directory's own node (a HAMT's shard nodes), or the single block.</summary>
    Entity,

    /// <summary>Only the root block.</summary>
    Block,
}
