using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// Receives each block a builder finishes, once, in the order they are finished (children before parents).
/// The bytes are only valid during the call: a sink that keeps them must copy them.
/// </summary>
internal interface IBlockSink
{
    /// <summary>Takes one finished block and its CID.</summary>
    void Put(Cid cid, ReadOnlyMemory<byte> block);
}
