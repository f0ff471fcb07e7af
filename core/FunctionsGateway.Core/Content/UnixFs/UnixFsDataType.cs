namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>The UnixFS <c>Data.Type</c> enum (https://specs.ipfs.tech/unixfs/, <c>DataType</c>).</summary>
internal enum UnixFsDataType
{
    /// <summary>Legacy raw data wrapped in dag-pb (read, never written).</summary>
    Raw = 0,

    /// <summary>A basic directory: every link is a named entry.</summary>
    Directory = 1,

    /// <summary>A file or a part of one.</summary>
    File = 2,

    /// <summary>Reserved.</summary>
    Metadata = 3,

    /// <summary>A symbolic link; Data holds the target.</summary>
    Symlink = 4,

    /// <summary>A HAMT-sharded directory node.</summary>
    HamtShard = 5,
}
