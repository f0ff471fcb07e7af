using System.Net;
using System.Text;
using System.Text.Json;

namespace FunctionsGateway.Functions.Tests.Functions.Psa;

/// <summary>Requests and readers for the Pinning Service API's shapes.</summary>
internal static class PsaRequests
{
    /// <summary>A CID nobody holds (the identity CID of "missing" would be held by anyone; this is a sha2-256 raw CID).</summary>
    public const string UnknownCid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>POST /psa/pins with this body; asserts 202 and returns the PinStatus.</summary>
    public static async Task<JsonElement> AddAsync(HttpClient client, string body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync("/psa/pins", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the spec's Failure body with this status; returns its reason.</summary>
    public static async Task<string> ReadFailureAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("details").GetString()));
        return error.GetProperty("reason").GetString()!;
    }

    /// <summary>Polls GET /psa/pins/{id} until the pin has <paramref name="status"/> (at most 30 s).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string requestId, string status)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var pin = await GatewayApplication.ReadJsonAsync(await client.GetAsync($"/psa/pins/{requestId}"));
            if (pin.GetProperty("status").GetString() == status)
            {
                return pin;
            }

            Assert.True(DateTime.UtcNow < deadline, $"pin {requestId} is still {pin.GetProperty("status").GetString()}: {pin.GetRawText()}");
            await Task.Delay(100);
        }
    }

    public static List<string> RequestIds(JsonElement results) =>
        [.. results.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("requestid").GetString()!)];
}
