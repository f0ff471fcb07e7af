using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;
using FunctionsGateway.Core.Chains.Substrate;
using Microsoft.AspNetCore.Http;

namespace FunctionsGateway.Testing;

/// <summary>
/// A stand-in for a DeOSS gateway (DeOSS cannot be built here), answering as DeOSS v0.4.x does (compat.md §1b,
/// spec/cess.md §2.3–§2.4): HTTP 200 with <c>{code,msg,data}</c>. Signed routes (<c>PUT /file</c>,
/// <c>DELETE /file/{fid}</c>) check every identity header as <c>VerifySignatureMdl</c> does — <c>Account</c> SS58
/// (prefix 11330 or 42), <c>Message</c> Unix seconds strictly in the future (and at most an hour ahead, stricter than
/// DeOSS, so that a client sending far-off expiries is caught), <c>Signature</c> 0x-hex sr25519 in the
/// <c>substrate</c> context over the message — and uploads need <c>Territory</c> and a multipart <c>file</c> whose
/// name is 3–63 bytes. The fid is computed here on its own (32 MiB zero-padded segments, SHA-256, pairwise
/// SHA-256 up to one root); the bytes are kept in memory. Each refused request is recorded in <see cref="Problems"/>.
/// </summary>
public sealed class DeossStandIn : IAsyncDisposable
{
    private const int SegmentSize = 32 * 1024 * 1024;

    private readonly StandInServer _server;
    private readonly TimeProvider _time;

    private DeossStandIn(StandInServer server, TimeProvider time)
    {
        _server = server;
        _time = time;
    }

    /// <summary>Where the stand-in listens, with a trailing slash.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The stored files by fid.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Every accepted upload: the account (SS58), territory and file name it carried.</summary>
    public ConcurrentQueue<(string Account, string Territory, string FileName)> Uploads { get; } = new();

    /// <summary>Why requests were refused.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Uploads to refuse with DeOSS's <c>system error</c> before accepting again (a DeOSS in trouble).</summary>
    public int RefuseUploads { get; set; }

    /// <summary>When set, uploads answer this fid instead of the computed one (a DeOSS that disagrees).</summary>
    public string? ForcedFid { get; set; }

    public static async Task<DeossStandIn> StartAsync(TimeProvider? time = null)
    {
        DeossStandIn? standIn = null;
        var server = await StandInServer.StartAsync(context => standIn!.HandleAsync(context));
        standIn = new DeossStandIn(server, time ?? TimeProvider.System);
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The fid DeOSS gives <paramref name="content"/> (spec/cess.md §2.2), computed independently of the gateway's hasher.</summary>
    public static string Fid(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var level = new List<byte[]>();
        for (var offset = 0; offset == 0 || offset < content.Length; offset += SegmentSize)
        {
            var segment = new byte[SegmentSize];
            content.AsSpan(offset, Math.Min(SegmentSize, content.Length - offset)).CopyTo(segment);
            level.Add(SHA256.HashData(segment));
        }

        do
        {
            var next = new List<byte[]>();
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(SHA256.HashData([.. level[i], .. level[Math.Min(i + 1, level.Count - 1)]]));
            }

            level = next;
        }
        while (level.Count > 1);
        return Convert.ToHexStringLower(level[0]);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method) && path.StartsWith("/file/download/", StringComparison.Ordinal))
        {
            if (Files.TryGetValue(path["/file/download/".Length..], out var bytes))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes);
                return;
            }

            await ReplyAsync(context, 404, "Not found", null);
            return;
        }

        var account = CheckIdentity(request);
        if (account is null)
        {
            await ReplyAsync(context, 403, "no permission", null);
            return;
        }

        if (HttpMethods.IsPut(request.Method) && path == "/file")
        {
            await UploadAsync(context, account);
        }
        else if (HttpMethods.IsDelete(request.Method) && path.StartsWith("/file/", StringComparison.Ordinal))
        {
            Files.TryRemove(path["/file/".Length..], out _);
            await ReplyAsync(context, 200, "ok", new Dictionary<string, string> { ["block hash"] = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) });
        }
        else
        {
            Problems.Enqueue($"{request.Method} {path} is not a DeOSS route the gateway uses");
            await ReplyAsync(context, 404, "Not found", null);
        }
    }

    private async Task UploadAsync(HttpContext context, string account)
    {
        var request = context.Request;
        if (RefuseUploads > 0)
        {
            RefuseUploads--;
            await ReplyAsync(context, 500, "system error", null);
            return;
        }

        var territory = request.Headers["Territory"].ToString();
        if (territory.Length == 0)
        {
            Problems.Enqueue("PUT /file without Territory");
            await ReplyAsync(context, 400, "please purchase territory first", null);
            return;
        }

        if (!request.HasFormContentType || (await request.ReadFormAsync(context.RequestAborted)).Files.GetFile("file") is not { } file)
        {
            Problems.Enqueue("PUT /file without a multipart field 'file'");
            await ReplyAsync(context, 400, "http: no such file", null);
            return;
        }

        var nameLength = Encoding.UTF8.GetByteCount(file.FileName);
        if (nameLength is < 3 or > 63)
        {
            Problems.Enqueue($"file name '{file.FileName}' of {nameLength} bytes");
            await ReplyAsync(context, 400, nameLength < 3 ? "The file name must be at least 3 characters long" : "The file name length cannot exceed 63 characters", null);
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var fid = ForcedFid ?? Fid(bytes);
        Files[fid] = bytes;
        Uploads.Enqueue((account, territory, file.FileName));
        await ReplyAsync(context, 200, "ok", new Dictionary<string, string> { ["fid"] = fid });
    }

    /// <summary>The account when Account, Message and Signature hold; null (and a recorded problem) otherwise.</summary>
    private string? CheckIdentity(HttpRequest request)
    {
        var account = request.Headers["Account"].ToString();
        var message = request.Headers["Message"].ToString();
        var signature = request.Headers["Signature"].ToString();
        string? problem = null;
        var decoded = Ss58Address.TryDecode(account);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (decoded is not { Prefix: Ss58Address.CessPrefix or 42 })
        {
            problem = $"Account '{account}' is not a CESS or Substrate SS58 address";
        }
        else if (!long.TryParse(message, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry) || expiry is < 1_000_000_000 or >= 1_000_000_000_000)
        {
            problem = $"Message '{message}' is not an expiry in Unix seconds";
        }
        else if (expiry <= now || expiry > now + 3600)
        {
            problem = $"Message {expiry} is not in the next hour (now {now})";
        }
        else if (!signature.StartsWith("0x", StringComparison.Ordinal) || signature.Length != 130 || !signature[2..].All(char.IsAsciiHexDigit))
        {
            problem = $"Signature '{signature}' is not 0x-hex of 64 bytes";
        }
        else if (!Sr25519KeyPair.Verify(Convert.FromHexString(signature[2..]), Encoding.UTF8.GetBytes(message), decoded.Value.AccountId))
        {
            problem = "Signature does not verify (sr25519, substrate context, over Message)";
        }

        if (problem is not null)
        {
            Problems.Enqueue(problem);
            return null;
        }

        return account;
    }

    private static Task ReplyAsync(HttpContext context, int code, string msg, object? data)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("code", code);
            json.WriteString("msg", msg);
            json.WritePropertyName("data");
            if (data is Dictionary<string, string> fields)
            {
                json.WriteStartObject();
                foreach (var (k, v) in fields)
                {
                    json.WriteString(k, v);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
