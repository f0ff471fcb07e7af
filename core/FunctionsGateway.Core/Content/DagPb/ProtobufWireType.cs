namespace FunctionsGateway.Core.Content.DagPb;

/// <summary>Protocol Buffers wire types (https://protobuf.dev/programming-guides/encoding/#structure).</summary>
internal enum ProtobufWireType
{
    /// <summary>A base-128 varint.</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes.</summary>
    Fixed64 = 1,

    /// <summary>A varint length and that many bytes (bytes, strings, embedded messages, packed repeated).</summary>
    LengthDelimited = 2,

    /// <summary>Four little-endian bytes.</summary>
    Fixed32 = 5,
}
