namespace FunctionsGateway.Core.Content.Car;

/// <summary>Limits and checks for <see cref="CarReader"/>.</summary>
internal sealed record CarReaderOptions
{
    /// <summary>The default section limit: a 2 MiB block (the bitswap limit) plus 4 KiB for its CID and slack.</summary>
    public const int DefaultMaxSectionLength = (2 * 1024 * 1024) + 4096;

    /// <summary>The longest section (CID + block) accepted (default <see cref="DefaultMaxSectionLength"/>).</summary>
    public int MaxSectionLength { get; init; } = DefaultMaxSectionLength;

    /// <summary>The longest header accepted (default 64 KiB, over a thousand roots).</summary>
    public int MaxHeaderLength { get; init; } = 64 * 1024;

    /// <summary>Check every block against its CID (default true).</summary>
    public bool VerifyBlocks { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static CarReaderOptions Default { get; } = new();
}
