using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Content.Cess;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Cess;

/// <summary>The CESS-Gateway surface end to end against Azurite: the seed's curl flow and every case of compat.md §1.5–§1.9.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CessFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SeedCurlFlow_CaptchaTokenUploadListStateDownloadDelete_WorksEndToEnd()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings());
        using var http = app.CreateClient();
        const string mailbox = "alice@example.com";
        var token = await CessClient.SignInAsync(http, app.Services, mailbox);
        var content = Encoding.UTF8.GetBytes("log line 1\nlog line 2\n");
        var fid = CessFid.Compute(content);

        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "test.log", content), 200, $$"""{"code":200,"msg":"success","data":"{{fid}}"}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token)), 200, $$"""{"code":200,"msg":"success","data":["{{fid}}"]}""");
        var state = await CessClient.ReadAsync(await http.GetAsync($"/cess/state/{fid}"));
        Assert.Equal(content.Length, state.GetProperty("data").GetProperty("Size").GetInt64());
        Assert.Equal(["test.log"], state.GetProperty("data").GetProperty("Names").EnumerateArray().Select(n => n.GetString()));
        await WaitForStateAsync(http, fid, "active");

        using (var download = await http.GetAsync($"/cess/{fid}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"attachment; filename={fid}", download.Content.Headers.ContentDisposition!.ToString());
        }

        using (var ranged = new HttpRequestMessage(HttpMethod.Get, $"/cess/{fid}"))
        {
            ranged.Headers.Range = new RangeHeaderValue(4, 7);
            using var part = await http.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal("line"u8.ToArray(), await part.Content.ReadAsByteArrayAsync());
        }

        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Delete, $"/cess/{fid}", token)), 200, """{"code":200,"msg":"success"}""");
        await CessClient.ExpectAsync(await http.GetAsync($"/cess/{fid}"), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        await CessClient.ExpectAsync(await http.GetAsync($"/cess/state/{fid}"), 200, """{"code":404,"msg":"Empty"}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Delete, $"/cess/{fid}", token)), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        // The name is free again.
        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "test.log", content), 200, $$"""{"code":200,"msg":"success","data":"{{fid}}"}""");
    }

    [Fact]
    public async Task Put_UploadCases_AnswerAsTheOriginal()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings());
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "bob@example.com");
        const string httpError = """{"code":400,"msg":"HTTP Error"}""";

        var first = await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "a.txt", "one"u8.ToArray()));
        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "a.txt", "two"u8.ToArray()), 403, """{"code":403,"msg":"duplicate filename"}""");
        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "empty.txt", []), 400, httpError);
        await CessClient.ExpectAsync(await CessClient.PutAsync(http, token, "nofield.txt", "x"u8.ToArray(), field: "other"), 400, httpError);
        await CessClient.ExpectAsync(await RawPutAsync(http, token, "/cess/a%2Fb.txt", "multipart/form-data; boundary=x", "--x\r\n"), 400, httpError);
        await CessClient.ExpectAsync(await RawPutAsync(http, token, "/cess/a%5Cb.txt", "multipart/form-data; boundary=x", "--x\r\n"), 400, httpError);
        await CessClient.ExpectAsync(await RawPutAsync(http, token, "/cess/bad.txt", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.txt\"\r\n\r\nno closing boundary"), 400, httpError);
        await CessClient.ExpectAsync(await RawPutAsync(http, token, "/cess/plain.txt", "text/plain", "not multipart"), 400, httpError);
        using (var chunked = CessClient.Authorized(HttpMethod.Put, "/cess/chunked.txt", token))
        {
            chunked.Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("--x\r\n")));
            chunked.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            chunked.Headers.TransferEncodingChunked = true;
            await CessClient.ExpectAsync(await http.SendAsync(chunked), 400, httpError);
        }

        // Failed attempts keep no name: each can be uploaded now; the same bytes under a second name share the fid.
        await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "bad.txt", "bad"u8.ToArray()));
        var again = await CessClient.ReadAsync(await CessClient.PutAsync(http, token, "b.txt", "one"u8.ToArray()));
        Assert.Equal(first.GetProperty("data").GetString(), again.GetProperty("data").GetString());
        var state = await CessClient.ReadAsync(await http.GetAsync($"/cess/state/{again.GetProperty("data").GetString()}"));
        Assert.Equal(["a.txt", "b.txt"], state.GetProperty("data").GetProperty("Names").EnumerateArray().Select(n => n.GetString()));
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token)), 200,
            $$"""{"code":200,"msg":"success","data":["{{CessFid.Compute("one"u8)}}","{{CessFid.Compute("bad"u8)}}"]}""");
    }

    [Fact]
    public async Task Routes_BadFidsTokensAndOtherUsers_AnswerAsTheOriginal()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings());
        using var http = app.CreateClient();
        var hex = new string('a', 64);
        const string unauthorized = """{"code":401,"msg":"Unauthorized"}""";

        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", "")), 401, unauthorized);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", "0OIl+/=")), 401, unauthorized);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", new string('z', 350))), 401, unauthorized);
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", "Bearer abc")), 401, unauthorized);

        // The original answers 500 to a fid that is not 64 characters; bad input is a 400 here (docs/compatibility.md).
        await CessClient.ExpectAsync(await http.GetAsync("/cess/abc"), 400, """{"code":400,"msg":"HTTP Error"}""");
        await CessClient.ExpectAsync(await http.GetAsync("/cess/auth"), 400, """{"code":400,"msg":"HTTP Error"}"""); // gin: GET /:fid with fid "auth"
        await CessClient.ExpectAsync(await http.GetAsync("/cess/" + new string('g', 64)), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        await CessClient.ExpectAsync(await http.GetAsync("/cess/" + hex), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        await CessClient.ExpectAsync(await http.GetAsync("/cess/state/abc"), 400, """{"code":400,"msg":"HTTP Error"}""");
        await CessClient.ExpectAsync(await http.GetAsync("/cess/state/" + new string('g', 64)), 400, """{"code":400,"msg":"HTTP Error"}""");
        await CessClient.ExpectAsync(await http.GetAsync("/cess/state/" + hex), 200, """{"code":404,"msg":"Empty"}""");

        var alice = await CessClient.SignInAsync(http, app.Services, "alice@example.com");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", alice)), 200, """{"code":200,"msg":"Empty"}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files?size=x", alice)), 400, """{"code":400,"msg":"HTTP Error"}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files?page=1.5", alice)), 400, """{"code":400,"msg":"HTTP Error"}""");
        var fid = (await CessClient.ReadAsync(await CessClient.PutAsync(http, alice, "alice.bin", "alice's"u8.ToArray()))).GetProperty("data").GetString()!;

        var bob = await CessClient.SignInAsync(http, app.Services, "bob@example.com");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", bob)), 200, """{"code":200,"msg":"success","data":[]}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Delete, $"/cess/{fid}", bob)), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Delete, "/cess/xyz", bob)), 404, """{"code":404,"msg":"This file has not been uploaded"}""");
        Assert.Equal("alice's"u8.ToArray(), await http.GetByteArrayAsync($"/cess/{fid}")); // no auth, as the original

        // No route, or a method the route does not take: gin's plain-text 404.
        foreach (var (method, path) in new[] { ("GET", "/cess/a/b"), ("POST", "/cess/" + fid), ("PATCH", "/cess/files"), ("GET", "/cess"), ("DELETE", "/cess/state/" + fid) })
        {
            using var unknown = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)unknown.StatusCode} {await unknown.Content.ReadAsStringAsync()}");
            Assert.Equal("text/plain", unknown.Content.Headers.ContentType!.ToString());
            Assert.Equal("404 page not found", await unknown.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Put_ConnectionCutMidBody_KeepsNothing()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings());
        var server = app.StartKestrel();
        using var http = app.CreateClient();
        var token = await CessClient.SignInAsync(http, app.Services, "frank@example.com");

        // A raw connection: the headers promise 100,000 bytes, 20,000 arrive, then the connection is reset (the
        // original's "upload failed due to network issues"; nobody is left to read an answer).
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(server.Host, server.Port);
            var stream = tcp.GetStream();
            var head = $"PUT /cess/cut.bin HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: {token}\r\n" +
                       "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n" +
                       "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.bin\"\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[20_000]);
            await stream.FlushAsync();
            await Task.Delay(500);
            tcp.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        }

        // Nothing is kept and the name is free (the server releases it on its own time).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage put;
        while ((put = await CessClient.PutAsync(http, token, "cut.bin", "whole"u8.ToArray())).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var fid = (await CessClient.ReadAsync(put)).GetProperty("data").GetString();
        await CessClient.ExpectAsync(await http.SendAsync(CessClient.Authorized(HttpMethod.Get, "/cess/files", token)), 200, $$"""{"code":200,"msg":"success","data":["{{fid}}"]}""");
    }

    [Fact]
    public async Task Cess_StorageDown_AnswersDataErrorInTheOriginalsEnvelope()
    {
        await using var app = new GatewayApplication(azurite, CessClient.Settings(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = UnreachableStorage.ConnectionString(),
            ["Gateway:Uploads:PushWorker"] = "Off",
        }));
        using var http = app.CreateClient();

        using var response = await CessClient.AuthAsync(http, "carol@example.com", 0);

        await CessClient.ExpectAsync(response, 500, """{"code":500,"msg":"Server internal data error"}""");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static async Task<HttpResponseMessage> RawPutAsync(HttpClient http, string token, string path, string contentType, string body)
    {
        var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = CessClient.Authorized(HttpMethod.Put, path, token);
        request.Content = content;
        return await CessClient.SendAsync(http, request, content);
    }

    internal static async Task WaitForStateAsync(HttpClient http, string fid, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var state = await CessClient.ReadAsync(await http.GetAsync($"/cess/state/{fid}"));
            var current = state.GetProperty("data").GetProperty("State").GetString();
            if (current == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{fid} is still {current}");
            await Task.Delay(100);
        }
    }
}
