using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>
/// A DID-era user: a registered <c>did:memo:</c> whose key signs the login and each request raw (no EIP-191 prefix),
/// v 0/1 as go-ethereum's <c>crypto.Sign</c> writes it — the hashes built here independently of the gateway's.
/// </summary>
internal sealed class MemoDidUser(string did, byte[] key)
{
    public string Did { get; } = did;

    public byte[] Key { get; } = key;

    public EthereumAddress Address { get; } = EthereumAddress.FromPrivateKey(key);

    /// <summary>The session token this user logs in with (0x-hex).</summary>
    public string Token { get; set; } = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));

    /// <summary>The last request id used.</summary>
    public long RequestId { get; set; }

    public static async Task<MemoDidUser> RegisterAsync(MemoGatewayFixture memo)
    {
        var key = MemoGatewayFixture.NewKey();
        return new MemoDidUser(await memo.RegisterDidAsync(key), key);
    }

    /// <summary>The login body; <paramref name="signer"/> and <paramref name="form"/> vary the signature.</summary>
    public JsonObject LoginBody(long timestamp, byte[]? signer = null, SignatureVForm form = SignatureVForm.RecoveryId)
    {
        var stamp = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(stamp, timestamp);
        var hash = Keccak256.Hash([.. System.Text.Encoding.UTF8.GetBytes(Did), .. Convert.FromHexString(Token[2..]), .. stamp]);
        return new JsonObject
        {
            ["did"] = Did,
            ["token"] = Token,
            ["timestamp"] = timestamp,
            ["signature"] = "0x" + Convert.ToHexStringLower(EthereumSigner.Sign(hash, signer ?? Key, form)),
        };
    }

    /// <summary><c>POST /memo/login</c> now; asserts <c>Login success!</c>.</summary>
    public async Task LoginAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/memo/login", LoginBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.Equal("Login success!", await response.Content.ReadAsStringAsync());
        RequestId = 0;
    }

    /// <summary>The signed fields of request <paramref name="requestId"/> (the next one by default).</summary>
    public JsonObject Signed(long? requestId = null, byte[]? payload = null, byte[]? signer = null, SignatureVForm form = SignatureVForm.RecoveryId)
    {
        var id = requestId ?? ++RequestId;
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(counter, id);
        var hash = Keccak256.Hash([.. System.Text.Encoding.UTF8.GetBytes(Did), .. Convert.FromHexString(Token[2..]), .. payload ?? [], .. counter]);
        var body = new JsonObject
        {
            ["did"] = Did,
            ["token"] = Token,
            ["requestID"] = id,
            ["signature"] = "0x" + Convert.ToHexStringLower(EthereumSigner.Sign(hash, signer ?? Key, form)),
        };
        if (payload is not null)
        {
            body["payload"] = "0x" + Convert.ToHexStringLower(payload);
        }

        return body;
    }

    /// <summary>A GET with the signed fields as a JSON body without Content-Type, as the original's Go example sends it.</summary>
    public HttpRequestMessage Get(string path, JsonObject? fields = null)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes((fields ?? Signed()).ToJsonString()));
        content.Headers.ContentType = null;
        return new HttpRequestMessage(HttpMethod.Get, path) { Content = content };
    }

    /// <summary>The signed fields as form fields (<c>hash</c> for the payload).</summary>
    public IEnumerable<KeyValuePair<string, string>> FormFields(JsonObject? fields = null)
    {
        var signed = fields ?? Signed();
        yield return new("did", (string)signed["did"]!);
        yield return new("token", (string)signed["token"]!);
        yield return new("requestID", ((long)signed["requestID"]!).ToString(CultureInfo.InvariantCulture));
        yield return new("signature", (string)signed["signature"]!);
        if (signed["payload"] is { } payload)
        {
            yield return new("hash", (string)payload!);
        }
    }
}
