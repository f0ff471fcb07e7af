using System.Text;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Cess;

/// <summary>
/// Decodes CESS storage values (spec/cess.md §1.4–§1.6; CESSProject/cess <c>pallets/*/src/types.rs</c>).
/// Pure. File hashes are FileBank's <c>Hash([u8; 64])</c>: 64 ASCII hex characters, no length prefix.
/// Account ids are returned as SS58 with <paramref name="ss58Prefix"/>.
/// </summary>
public sealed class CessValueDecoder(ushort ss58Prefix, bool userBriefHasBucketName)
{
    /// <summary>The length of a FileBank hash (fid, segment and fragment hashes).</summary>
    public const int FileHashLength = 64;

    public static TerritoryInfo DecodeTerritory(ReadOnlyMemory<byte> value) => ReadAll(value, r => new TerritoryInfo(
        r.ReadFixedBytes(32),
        r.ReadU128(),
        r.ReadU128(),
        r.ReadU128(),
        r.ReadU128(),
        r.ReadU32(),
        r.ReadU32(),
        ReadEnum<TerritoryState>(r, 3)));

    public StoredFileInfo DecodeFile(ReadOnlyMemory<byte> value) => ReadAll(value, r => new StoredFileInfo(
        r.ReadVec(s => new SegmentInfo(
            ReadHash(s),
            s.ReadVec(f => new FragmentInfo(ReadHash(f), f.ReadBool(), f.ReadOptionValue(t => t.ReadU32()), ReadAccount(f))))),
        r.ReadVec(ReadUserBrief),
        r.ReadU128(),
        r.ReadU32(),
        ReadEnum<CessFileState>(r, 3)));

    public DealInfo DecodeDeal(ReadOnlyMemory<byte> value) => ReadAll(value, r => new DealInfo(
        r.ReadU128(),
        r.ReadVec(s => new DealSegment(ReadHash(s), s.ReadVec(ReadHash))),
        ReadUserBrief(r),
        r.ReadVec(c => (c.ReadU8(), ReadAccount(c)))));

    public static IReadOnlyList<UserFileSlice> DecodeUserHoldFileList(ReadOnlyMemory<byte> value) => ReadAll(value, r =>
        r.ReadVec(s => new UserFileSlice(ReadText(s), ReadHash(s), s.ReadU128())));

    /// <summary><c>Oss.AuthorityList</c>: the operators an account authorized.</summary>
    public IReadOnlyList<string> DecodeAccountList(ReadOnlyMemory<byte> value) => ReadAll(value, r => r.ReadVec(ReadAccount));

    /// <summary>Encodes a fid (or any FileBank hash) as its 64 ASCII bytes; throws <see cref="ArgumentException"/> unless it is 64 hex digits.</summary>
    public static byte[] EncodeFileHash(string fileHash)
    {
        ArgumentNullException.ThrowIfNull(fileHash);
        if (fileHash.Length != FileHashLength || !fileHash.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A CESS file hash is 64 hex digits.", nameof(fileHash));
        }

        return Encoding.ASCII.GetBytes(fileHash.ToLowerInvariant());
    }

    private UserBrief ReadUserBrief(ScaleReader reader)
    {
        var user = ReadAccount(reader);
        var fileName = ReadText(reader);
        var bucket = userBriefHasBucketName ? ReadText(reader) : null;
        return new UserBrief(user, fileName, bucket, ReadText(reader));
    }

    private string ReadAccount(ScaleReader reader) => Ss58Address.Encode(reader.ReadRaw(32), ss58Prefix);

    private static string ReadHash(ScaleReader reader) => Encoding.ASCII.GetString(reader.ReadRaw(FileHashLength));

    private static string ReadText(ScaleReader reader) => Encoding.UTF8.GetString(reader.ReadBytes());

    private static T ReadEnum<T>(ScaleReader reader, int max)
        where T : struct, Enum
    {
        var index = reader.ReadU8();
        return index <= max ? (T)(object)(int)index : throw new FormatException($"{typeof(T).Name} has no variant {index}.");
    }

    private static T ReadAll<T>(ReadOnlyMemory<byte> value, Func<ScaleReader, T> read)
    {
        var reader = new ScaleReader(value);
        var result = read(reader);
        reader.EnsureAtEnd();
        return result;
    }
}
