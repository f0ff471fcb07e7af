using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>A block and the CID it is stored under (an IPLD block, https://ipld.io/docs/motivation/data-to-data-model/).</summary>
internal readonly record struct ContentBlock(Cid Cid, ReadOnlyMemory<byte> Data);
