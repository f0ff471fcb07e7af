using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsGateway.Core.Auth.Crypto;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>
/// Asks the Lens API whether an address has a profile (compat §2.3: the GraphQL query
/// <c>defaultProfile(request:{ethereumAddress})</c>, only when <see cref="MemoLensOptions.CheckRegistered"/> is on).
/// Registered means the answer's <c>data.defaultProfile</c> is an object.
/// </summary>
internal sealed class MemoLensRegistry(IHttpClientFactory httpClients, IOptions<MemoLensOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/>.</summary>
    public const string HttpClientName = "memo-lens";

    private const string Query = "query DefaultProfile($request: DefaultProfileRequest!) { defaultProfile(request: $request) { id } }";

    /// <summary>Whether the check is on.</summary>
    public bool Enabled => options.Value.CheckRegistered;

    /// <summary>True when Lens knows a default profile for the address; a Lens failure is a 500 InternalError.</summary>
    public async Task<bool> IsRegisteredAsync(EthereumAddress address, CancellationToken cancellationToken = default)
    {
        var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("operationName", "DefaultProfile");
            json.WriteString("query", Query);
            json.WriteStartObject("variables");
            json.WriteStartObject("request");
            json.WriteString("ethereumAddress", address.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.ApiUrl) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // The Lens API checks the origin of browser-less clients; the original sent its own domain too.
        request.Headers.TryAddWithoutValidation("Origin", "https://memo.io");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure($"HTTP {(int)response.StatusCode}");
            }

            using var answer = JsonDocument.Parse(text);
            if (answer.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                throw Failure(first.ValueKind == JsonValueKind.Object && first.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                    ? message.GetString()!
                    : "error");
            }

            return answer.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("defaultProfile", out var profile)
                && profile.ValueKind == JsonValueKind.Object;
        }
        catch (HttpRequestException e)
        {
            throw Failure(e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure("no answer within " + options.Value.Timeout, e);
        }
        catch (JsonException e)
        {
            throw Failure("the answer is not JSON", e);
        }
    }

    private static MemoException Failure(string reason, Exception? inner = null) =>
        new(new MemoError(MemoErrorKind.Internal, "lens api: " + reason), inner);
}
