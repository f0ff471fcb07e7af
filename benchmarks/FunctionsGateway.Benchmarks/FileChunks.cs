namespace FunctionsGateway.Benchmarks;

/// <summary>A file read front to back in large chunks on the calling thread, through one reused buffer.</summary>
internal static class FileChunks
{
    /// <summary>8 MiB per read: a whole number of 256 KiB and 1 MiB chunks, few system calls.</summary>
    public const int ChunkBytes = 8 << 20;

    /// <summary>The file's bytes; each chunk is valid until the next is asked for.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Read(string path)
    {
        var buffer = new byte[ChunkBytes];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        int read;
        while ((read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            yield return buffer.AsMemory(0, read);
        }
    }
}
