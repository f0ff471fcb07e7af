using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// A block needed to walk or read a DAG is missing. The trustless gateway answers 404 when it is the root and
/// ends the CAR stream when it is a child (spec/standards.md §5.3).
/// </summary>
public sealed class BlockNotFoundException : Exception
{
    public BlockNotFoundException()
    {
    }

    public BlockNotFoundException(string message)
        : base(message)
    {
    }

    public BlockNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal BlockNotFoundException(Cid cid)
        : base($"Block {cid} was not found.") => CidText = cid.ToString();

    /// <summary>The missing block's CID as text.</summary>
    public string? CidText { get; }
}
