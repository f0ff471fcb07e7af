using FunctionsGateway.Core.Content.Multiformats;

namespace FunctionsGateway.Core.Content.Blocks;

/// <summary>
/// The storage key of a block: its multihash in base32 lower, without a multibase prefix. A block's bytes are
/// named by their hash alone, so the CIDv0 and CIDv1 of one dag-pb node, or a raw and a dag-pb CID over the same
/// bytes, share one stored copy (the way Kubo's blockstore keys by multihash).
/// </summary>
internal static class BlockKey
{
    public static string For(Cid cid)
    {
        if (cid.IsEmpty)
        {
            throw new ArgumentException("An empty CID has no block.", nameof(cid));
        }

        var multihash = cid.Multihash;
        Span<char> text = stackalloc char[Base32Lower.GetEncodedLength(multihash.Length)];
        Base32Lower.Encode(multihash, text);
        return new string(text);
    }
}
