using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// Memo DIDs and the hashes the DID era signs (compat §2.5, §2.6). A DID is <c>did:memo:</c> and 64 hex digits
/// (<c>go-did ParseMemoDID</c>). Both hashes are signed raw — no EIP-191 prefix — with v ∈ {0, 1}:
/// <list type="bullet">
/// <item>login: <c>keccak256(utf8(did) ‖ token ‖ LE64(timestamp))</c>;</item>
/// <item>a signed request: <c>keccak256(utf8(did) ‖ token ‖ [payload] ‖ LE64(requestID))</c>.</item>
/// </list>
/// <c>token</c> and <c>payload</c> are the bytes of their 0x-hex text. Pure.
/// </summary>
public static class MemoDid
{
    /// <summary>The method prefix.</summary>
    public const string Prefix = "did:memo:";

    /// <summary>True for <c>did:memo:</c> followed by exactly 64 hex digits.</summary>
    public static bool IsValid([NotNullWhen(true)] string? did) =>
        did is { Length: 73 } && did.StartsWith(Prefix, StringComparison.Ordinal) && did.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits) is false;

    /// <summary>Decodes <c>0x</c>-prefixed hex as go-ethereum's <c>hexutil.Decode</c> does (an empty <c>0x</c> is no bytes); false otherwise.</summary>
    public static bool TryDecodeHex(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X') || text.Length % 2 != 0)
        {
            return false;
        }

        var digits = text.AsSpan(2);
        if (digits.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }

    /// <summary>The login hash.</summary>
    public static byte[] LoginHash(string did, ReadOnlySpan<byte> token, long timestamp) =>
        Hash(did, token, [], timestamp);

    /// <summary>The hash of a signed request; <paramref name="payload"/> is empty when the request has none.</summary>
    public static byte[] RequestHash(string did, ReadOnlySpan<byte> token, ReadOnlySpan<byte> payload, long requestId) =>
        Hash(did, token, payload, requestId);

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static byte[] Hash(string did, ReadOnlySpan<byte> token, ReadOnlySpan<byte> payload, long counter)
    {
        ArgumentNullException.ThrowIfNull(did);
        var didLength = Encoding.UTF8.GetByteCount(did);
        var preimage = new byte[didLength + token.Length + payload.Length + 8];
        Encoding.UTF8.GetBytes(did, preimage);
        token.CopyTo(preimage.AsSpan(didLength));
        payload.CopyTo(preimage.AsSpan(didLength + token.Length));
        BinaryPrimitives.WriteInt64LittleEndian(preimage.AsSpan(preimage.Length - 8), counter);
        return Keccak256.Hash(preimage);
    }
}
