using System.Net.Http.Headers;
using System.Text;

namespace FunctionsGateway.Functions.Tests.Reliability.BadInput;

/// <summary>
/// The bad-input corpus (issue 8, item 2): values a careless or hostile client sends where a route expects an
/// identifier, a JSON body, a multipart form or sane headers. Route values are written as they go on the wire
/// (percent-encoded where they hold reserved or control characters). Each entry says what is wrong with it.
/// </summary>
internal static class BadInputCorpus
{
    /// <summary>The handler's limit for bodies of routes that are not uploads (<c>Gateway:Http:MaxRequestBodyBytes</c>, 1 MiB).</summary>
    public const int SmallBodyLimit = 1024 * 1024;

    /// <summary>More than any JSON or form route reads.</summary>
    private const int HugeBodyBytes = 3 * SmallBodyLimit;

    /// <summary>
    /// Malformed values for a route parameter: each is wrong for every identifier the gateway takes (CID, fid, DID,
    /// address, request or file id, storage); those marked <c>BadName</c> are wrong for a file name too (a name may
    /// otherwise be any text, <c>did:memo:0xZZ</c> included).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value, bool BadName)> RouteValues { get; } =
    [
        ("path traversal", "..%2F..%2Fetc%2Fpasswd", true),
        ("backslash traversal", "..%5C..%5Cwindows%5Cwin.ini", true),
        ("NUL in a name", "file%00.txt", true),
        ("control characters in a name", "a%01%1Fb%7F", true),
        ("CR LF header injection", "x%0D%0ASet-Cookie:%20a=b", true),
        ("CID over a kilobyte", new string('b', 1500), true),
        ("CID with an invalid multibase prefix", "!bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am", false),
        ("truncated CIDv1", "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nba", false),
        ("CIDv0 with base58 characters outside the alphabet (0, O, I, l)", "QmO0Il1111111111111111111111111111111111111111", false),
        ("invalid CESS fid (not hex)", "zz" + new string('g', 62), false),
        ("invalid DID", "did:memo:0xZZ", false),
        ("invalid Ethereum address", "0x12345G", false),
        ("invalid base64", "%21%21%21%3D%3D%3D", false),
        ("odd-length hex", "0xabc", false),
    ];

    /// <summary>Route parameters that name a file (free text but for <see cref="RouteValues"/> marked <c>BadName</c>).</summary>
    public static bool IsName(string parameter) => parameter.ToLowerInvariant() is "name" or "filename" or "path" or "command";

    /// <summary>A plausible value for a parameter, so that a body case reaches the body's parser (nothing by that value exists).</summary>
    public static string PlausibleValue(string parameter) => parameter.ToLowerInvariant() switch
    {
        "cid" or "root" or "mid" => "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am",
        "fid" => new string('0', 64),
        "storage" => "ipfs",
        "path" or "command" => "corpus/missing.txt",
        // Names are where content goes: a traversal keeps the corpus's bodies from being stored as files.
        "name" or "filename" => "..%2Fcorpus.txt",
        _ => "0123456789abcdef0123456789abcdef",
    };

    /// <summary>Query parameters every reader of a query refuses: bad numbers, CIDs, addresses, DIDs, dates, statuses.</summary>
    public const string BadQuery =
        "?limit=-1&offset=abc&size=x&page=x&cursor=%00%01&cid=notacid&arg=notacid&address=0xZZ&did=did:memo:zz&status=bogus" +
        "&before=not-a-date&after=not-a-date&name=..%2F..%2Fetc&ts=abc&type=bogus&amount=-1&hash=zz&id=%00&fid=zz&filename=..%2Fx";

    /// <summary>Bodies for routes that read one (POST, PUT, PATCH, DELETE).</summary>
    public static IReadOnlyList<(string Name, Func<HttpContent> Create)> Bodies { get; } =
    [
        ("malformed JSON", () => Json("""{"name": "corpus", "cid": """)),
        ("JSON with wrong types", () => Json("""{"name":1,"cid":2,"mailbox":3,"captcha":"x","message":[],"signature":{},"did":true,"address":0,"token":[1],"timestamp":"soon","origins":"x","meta":7,"requestID":"one","size":"big"}""")),
        ("JSON with duplicated fields, the last one invalid or of the wrong type", () => Json("""{"cid":"bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am","cid":"notacid","mailbox":"a@example.com","mailbox":"NOT A MAILBOX","name":"a","name":12}""")),
        ("JSON null", () => Json("null")),
        ("JSON array", () => Json("[]")),
        ("JSON with invalid UTF-8", () => new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }),
        ("JSON with a truncated signature", () => Json("""{"message":"x","signature":"0x1234","did":"did:memo:00","token":"0x00","timestamp":1,"requestID":1}""")),
        ("multipart without its closing boundary", () => Raw("multipart/form-data; boundary=corpus", "--corpus\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello")),
        ("multipart without a boundary parameter", () => Raw("multipart/form-data", "--x\r\n\r\nhello\r\n--x--\r\n")),
        ("multipart with a traversal file name", () => Form("../../etc/passwd")),
        ("multipart with control characters in the file name", () => Form("a\u0001\u001fb\u007f.txt")),
        ("form field over a megabyte", () => Raw("application/x-www-form-urlencoded", "a=" + new string('x', HugeBodyBytes))),
        ("JSON body over the small-body limit", () => Json("{\"name\":\"" + new string('a', HugeBodyBytes) + "\"}")),
    ];

    /// <summary>A header larger than the server takes (Kestrel's 32 KiB of headers).</summary>
    public static (string Name, string Value) HugeHeader { get; } = ("X-Corpus-Huge", new string('h', 40 * 1024));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(string contentType, string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A well-formed form whose one file part (named <c>file</c>, as the upload routes read) has <paramref name="fileName"/>.</summary>
    private static ByteArrayContent Form(string fileName) => Raw(
        "multipart/form-data; boundary=corpus",
        $"--corpus\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n--corpus--\r\n");
}
