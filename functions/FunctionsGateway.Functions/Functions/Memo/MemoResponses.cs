using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsGateway.Functions.Functions.Memo;

// The MEMO middleware's bodies (compat §2.1–§2.5, seeds 001 and 002). Go's encoding/json writes exported field
// names as they are, so the names below are the original's, PascalCase or not; *big.Int values are JSON numbers.

/// <summary>The error envelope; <c>APIError</c> has no json tags (compat §2.1).</summary>
internal sealed record MemoErrorBody(string Code, string Description, int HTTPStatusCode);

/// <summary>The DID era's failures: <c>{"error":"…"}</c>.</summary>
internal sealed record MemoDidErrorBody([property: JsonPropertyName("error")] string Error);

/// <summary>A login's tokens.</summary>
internal sealed record MemoTokensResponse(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string RefreshToken);

/// <summary>A Lens login's tokens and whether Lens knows the address.</summary>
internal sealed record MemoLensTokensResponse(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string RefreshToken,
    [property: JsonPropertyName("isRegistered")] bool IsRegistered);

/// <summary><c>/refresh</c>.</summary>
internal sealed record MemoAccessTokenResponse([property: JsonPropertyName("accessToken")] string AccessToken);

/// <summary><c>GET /login?did=</c>: the session (seed 002 §1.2).</summary>
internal sealed record MemoSessionResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("requestID")] long RequestId);

/// <summary>A SIWE-era upload: the seed's <c>cid</c> and <c>@39c1c98</c>'s <c>id</c>, both the mid.</summary>
internal sealed record MemoUploadResponse([property: JsonPropertyName("cid")] string Cid, [property: JsonPropertyName("id")] string Id);

/// <summary>A DID-era upload.</summary>
internal sealed record MemoDidUploadResponse(string Mid);

/// <summary>A SIWE-era object list.</summary>
internal sealed record MemoObjectListResponse(string Address, string Storage, IReadOnlyList<MemoObjectItem> Object);

/// <summary>One object of a SIWE-era list: compat's <c>Mid</c> and the seed's <c>Cid</c>, the same value.</summary>
internal sealed record MemoObjectItem(string Name, long Size, string Mid, string Cid, string ModTime, MemoUserDefined UserDefined);

/// <summary>The <c>UserDefined</c> map of an object (seed 001).</summary>
internal sealed record MemoUserDefined([property: JsonPropertyName("encryption")] string Encryption, [property: JsonPropertyName("etag")] string ETag);

/// <summary>A DID-era object list.</summary>
internal sealed record MemoDidObjectListResponse(string Address, string Storage, IReadOnlyList<MemoDidObjectItem> Objects);

/// <summary>One object of a DID-era list.</summary>
internal sealed record MemoDidObjectItem(long ID, string Name, long Size, string Mid, bool Public, string ModTime);

/// <summary><c>/delete</c>.</summary>
internal sealed record MemoStateResponse([property: JsonPropertyName("state")] string State);

/// <summary><c>/balance</c> and <c>/account/balance</c>: the ERC-20 balance in decimal.</summary>
internal sealed record MemoBalanceResponse(string Address, string Balance);

/// <summary><c>/space</c> and <c>/traffic</c>: a pay-info tuple.</summary>
internal sealed record MemoPayInfoResponse(
    [property: JsonConverter(typeof(BigIntegerNumberConverter))] BigInteger Nonce,
    [property: JsonConverter(typeof(BigIntegerNumberConverter))] BigInteger Balance,
    ulong SizeByte,
    ulong FreeByte,
    ulong Expire);

/// <summary>One <c>/search</c> hit (fileDNS).</summary>
internal sealed record MemoSearchHit(string Mid, string FileName, IReadOnlyList<string> Keywords, long Size, string ModTime);

/// <summary><c>/account/getstorage</c>.</summary>
internal sealed record MemoStorageListResponse(string Address, IReadOnlyList<MemoStorageItem> StorageList);

/// <summary>One storage kind of <c>/account/getstorage</c> (decimal strings, seed 001).</summary>
internal sealed record MemoStorageItem(string Storage, string Used, string Buysize, string Free, string Files);

/// <summary>One package of <c>/account/pkginfos</c> (seed 001's types).</summary>
internal sealed record MemoPackageInfoItem(string Time, int Kind, string Buysize, string Amount, int State);

/// <summary>One bought package of <c>/account/getbuypkgs</c> (seed 001's types).</summary>
internal sealed record MemoBoughtPackageItem(
    string Starttime,
    string Endtime,
    int Kind,
    [property: JsonConverter(typeof(BigIntegerNumberConverter))] BigInteger Buysize,
    [property: JsonConverter(typeof(BigIntegerNumberConverter))] BigInteger Amount,
    int State);

/// <summary><c>/account/buypkg</c>.</summary>
internal sealed record MemoStatusResponse(string Status);

/// <summary>Writes a <see cref="BigInteger"/> as a JSON number of any size, as Go writes a <c>*big.Int</c>.</summary>
internal sealed class BigIntegerNumberConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BigInteger.Parse(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}

[JsonSourceGenerationOptions]
[JsonSerializable(typeof(MemoErrorBody))]
[JsonSerializable(typeof(MemoDidErrorBody))]
[JsonSerializable(typeof(MemoTokensResponse))]
[JsonSerializable(typeof(MemoLensTokensResponse))]
[JsonSerializable(typeof(MemoAccessTokenResponse))]
[JsonSerializable(typeof(MemoSessionResponse))]
[JsonSerializable(typeof(MemoUploadResponse))]
[JsonSerializable(typeof(MemoDidUploadResponse))]
[JsonSerializable(typeof(MemoObjectListResponse))]
[JsonSerializable(typeof(MemoDidObjectListResponse))]
[JsonSerializable(typeof(MemoStateResponse))]
[JsonSerializable(typeof(MemoBalanceResponse))]
[JsonSerializable(typeof(MemoPayInfoResponse))]
[JsonSerializable(typeof(IReadOnlyList<MemoSearchHit>))]
[JsonSerializable(typeof(MemoStorageListResponse))]
[JsonSerializable(typeof(IReadOnlyList<MemoPackageInfoItem>))]
[JsonSerializable(typeof(IReadOnlyList<MemoBoughtPackageItem>))]
[JsonSerializable(typeof(MemoStatusResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class MemoJsonContext : JsonSerializerContext;
