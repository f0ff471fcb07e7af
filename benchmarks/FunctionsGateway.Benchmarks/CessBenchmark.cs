using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Benchmarks;

/// <summary>
/// The CESS surface's latencies end to end on loopback, through the real handler on Azurite (development outbox for
/// mail, no CESS settings, so files go to the <c>local</c> backend; the push worker off): <c>POST /cess/auth</c> for a
/// new mailbox (a captcha stored and mailed) and with the right captcha (a token made, recorded and mailed); an
/// authenticated <c>PUT /cess/{filename}</c> of <c>--size-mib</c> (multipart, fid and CID computed), next to
/// <c>PUT /v1/files/{name}</c> of the same bytes with the platform's bearer token. Each figure is the median of
/// <c>--runs</c> requests after five unmeasured ones; the two uploads alternate so that a busy machine weighs on both.
/// </summary>
internal static class CessBenchmark
{
    private const int WarmUp = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var (runs, sizeBytes) = Parse(args);
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Cess__Token__GenerateKeyIfMissing"] = "true",
            ["Gateway__Mail__Sender"] = "Outbox",
        };
        await using var benchmark = await UploadBenchmark.StartAsync(new UploadBenchmarkOptions(sizeBytes, 4 * 1024 * 1024), environment);
        var http = benchmark.Http;
        var gateway = benchmark.Gateway;

        var captchaTimes = new List<double>();
        var tokenTimes = new List<double>();
        string? cessToken = null;
        for (var i = 0; i < WarmUp + runs; i++)
        {
            var mailbox = $"bench{i}@example.com";
            var captchaTime = await TimeAsync(() => AuthAsync(http, gateway, mailbox, 0, "success"));
            var captcha = long.Parse(await LastSecretAsync(benchmark.Storage, mailbox), CultureInfo.InvariantCulture);
            var tokenTime = await TimeAsync(() => AuthAsync(http, gateway, mailbox, captcha, CessMessages.TokenSent));
            if (i >= WarmUp)
            {
                captchaTimes.Add(captchaTime);
                tokenTimes.Add(tokenTime);
            }

            cessToken ??= await LastSecretAsync(benchmark.Storage, mailbox);
        }

        var bearer = await benchmark.CreateTokenAsync();
        var content = new byte[sizeBytes];
        new Random(1).NextBytes(content);
        var cessTimes = new List<double>();
        var filesTimes = new List<double>();
        for (var i = 0; i < WarmUp + runs; i++)
        {
            // Each upload's bytes differ (a counter at the start), so that no fid or CID repeats.
            BitConverter.TryWriteBytes(content, i);
            var cess = await TimeAsync(() => PutCessAsync(http, gateway, cessToken!, $"bench-{i}.bin", content));
            var files = await TimeAsync(() => PutFilesAsync(http, gateway, bearer, $"bench-{i}.bin", content));
            if (i >= WarmUp)
            {
                cessTimes.Add(cess);
                filesTimes.Add(files);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Median of {runs} requests each ({WarmUp} unmeasured before), {sizeBytes / 1048576.0:0.##} MiB uploads, Azurite on loopback, {Environment.ProcessorCount} cores");
        report.AppendLine();
        report.AppendLine("| Request | Median (ms) | p90 (ms) | min (ms) | max (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        Row(report, "`POST /cess/auth`, new mailbox (captcha stored and mailed)", captchaTimes);
        Row(report, "`POST /cess/auth`, right captcha (token made, recorded and mailed)", tokenTimes);
        Row(report, $"`PUT /cess/{{filename}}`, {sizeBytes / 1048576.0:0.##} MiB multipart, CESS token", cessTimes);
        Row(report, $"`PUT /v1/files/{{name}}`, {sizeBytes / 1048576.0:0.##} MiB, bearer token", filesTimes);
        Console.WriteLine(report.ToString());
        return 0;
    }

    private static (int Runs, long SizeBytes) Parse(string[] args)
    {
        var runs = 50;
        var sizeMib = 1.0;
        for (var i = 0; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--size-mib":
                    sizeMib = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --runs N and --size-mib N.");
            }
        }

        return (runs, (long)(sizeMib * 1024 * 1024));
    }

    private static async Task<double> TimeAsync(Func<Task> request)
    {
        var watch = Stopwatch.StartNew();
        await request();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task AuthAsync(HttpClient http, Uri gateway, string mailbox, long captcha, string expected)
    {
        using var response = await http.PostAsync(new Uri(gateway, "cess/auth"), new StringContent($$"""{"mailbox":"{{mailbox}}","captcha":{{captcha}}}""", Encoding.UTF8, "application/json"));
        await ExpectAsync(response, expected);
    }

    private static async Task PutCessAsync(HttpClient http, Uri gateway, string token, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(gateway, "cess/" + name)) { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await http.SendAsync(request);
        await ExpectAsync(response, "success");
    }

    private static async Task PutFilesAsync(HttpClient http, Uri gateway, string bearer, string name, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(gateway, "v1/files/" + name)) { Content = new ByteArrayContent(content) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT /v1/files failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task ExpectAsync(HttpResponseMessage response, string msg)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(text).RootElement.GetProperty("msg").GetString() != msg)
        {
            throw new InvalidOperationException($"Expected '{msg}', got {(int)response.StatusCode} {text}");
        }
    }

    /// <summary>The captcha or token of the newest mail to <paramref name="mailbox"/> in the development outbox.</summary>
    private static async Task<string> LastSecretAsync(IServiceProvider storage, string mailbox)
    {
        var blobs = storage.GetRequiredService<IBlobStorage>();
        var names = new List<string>();
        await foreach (var item in blobs.ListAsync("mail-outbox", OutboxMailSender.BlobPrefix(mailbox)))
        {
            names.Add(item.Name);
        }

        // Blob names start with the send time, so the last in order is the newest.
        await using var download = await blobs.DownloadAsync("mail-outbox", names.Max(StringComparer.Ordinal)!)
            ?? throw new InvalidOperationException($"No mail to {mailbox}.");
        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer);
        return CessMails.ReadSecret(OutboxMailSender.Parse(buffer.ToArray()).Text);
    }

    private static void Row(StringBuilder report, string name, List<double> times)
    {
        times.Sort();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {(times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2):F1} | {times[(int)(times.Count * 0.9)]:F1} | {times[0]:F1} | {times[^1]:F1} |");
    }
}
