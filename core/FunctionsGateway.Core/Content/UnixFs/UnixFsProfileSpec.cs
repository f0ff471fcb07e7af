using System.Globalization;
using System.Text;

namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>
/// A <see cref="UnixFsProfile"/> as text, for settings and file records: an IPIP-499 profile name
/// (<c>unixfs-v0-2015</c>, <c>unixfs-v1-2025</c>) or Kubo's own option names joined by commas, e.g.
/// <c>cid-version=1,chunker=size-1048576,max-links=1024,raw-leaves=true,dir-size=block</c>. Every option is
/// optional; a missing one takes Kubo's default for the given CID version (spec/standards.md §4).
/// </summary>
internal static class UnixFsProfileSpec
{
    public const string V0Name = "unixfs-v0-2015";

    public const string V1Name = "unixfs-v1-2025";

    /// <summary>The full spec of a profile (every option written, so that it reads back to the same profile).</summary>
    public static string Format(UnixFsProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cid-version={profile.CidVersion},chunker=size-{profile.ChunkSize},max-links={profile.MaxLinks}");
        text.Append(profile.RawLeaves ? ",raw-leaves=true" : ",raw-leaves=false");
        text.Append(profile.DirectorySizeEstimation == DirectorySizeEstimation.Block ? ",dir-size=block" : ",dir-size=links");
        return text.ToString();
    }

    /// <summary>Reads a profile name or spec; false with a message naming the bad part otherwise.</summary>
    public static bool TryParse(string? text, out UnixFsProfile profile, out string? error)
    {
        profile = UnixFsProfile.UnixFsV0_2015;
        error = null;
        switch (text?.Trim())
        {
            case null or "" or V0Name:
                return true;
            case V1Name:
                profile = UnixFsProfile.UnixFsV1_2025;
                return true;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !options.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                error = $"'{part}' is not a name=value option, or repeats one";
                return false;
            }
        }

        var version = 0;
        var chunkSize = UnixFsProfile.DefaultChunkSize;
        var maxLinks = UnixFsProfile.DefaultMaxLinks;
        bool? rawLeaves = null;
        var dirSize = DirectorySizeEstimation.Links;
        foreach (var (name, value) in options)
        {
            var ok = name switch
            {
                "cid-version" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version is 0 or 1,
                "chunker" => UnixFsProfile.TryParseChunker(value, out chunkSize, out _),
                "max-links" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxLinks) && maxLinks is >= 2 and <= UnixFsProfile.MaxMaxLinks,
                "raw-leaves" => TryParseBool(value, out rawLeaves),
                "dir-size" => TryParseDirSize(value, out dirSize),
                _ => false,
            };
            if (!ok)
            {
                error = $"'{name}={value}' is not a valid option (cid-version=0|1, chunker=size-N, max-links=2…{UnixFsProfile.MaxMaxLinks}, raw-leaves=true|false, dir-size=links|block)";
                return false;
            }
        }

        profile = new UnixFsProfile
        {
            CidVersion = version,
            ChunkSize = chunkSize,
            MaxLinks = maxLinks,
            RawLeaves = rawLeaves ?? version == 1,
            DirectorySizeEstimation = dirSize,
        };
        return true;
    }

    private static bool TryParseBool(string value, out bool? result)
    {
        result = value switch { "true" => true, "false" => false, _ => null };
        return result is not null;
    }

    private static bool TryParseDirSize(string value, out DirectorySizeEstimation result)
    {
        result = value == "block" ? DirectorySizeEstimation.Block : DirectorySizeEstimation.Links;
        return value is "block" or "links";
    }
}
