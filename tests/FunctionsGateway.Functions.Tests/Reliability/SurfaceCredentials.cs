using System.Net.Http.Headers;
using FunctionsGateway.Functions.Tests.Functions.Cess;
using FunctionsGateway.Functions.Tests.Functions.Gw3;
using FunctionsGateway.Functions.Tests.Functions.Memo;

namespace FunctionsGateway.Functions.Tests.Reliability;

/// <summary>
/// Valid credentials of one caller on every surface, issued through each surface's own flow on the twin (same
/// storage as the launched handler): a bearer token (files, Kubo RPC, uploads, PSA), a Gateway3 access key, a CESS
/// token from the captcha mail flow, a MEMO access JWT from a SIWE login, and the operator key.
/// </summary>
internal sealed class SurfaceCredentials
{
    private SurfaceCredentials(string identityId, string bearer, string gw3Key, string gw3Secret, string cessToken, string memoJwt)
    {
        IdentityId = identityId;
        Bearer = bearer;
        Gw3Key = gw3Key;
        Gw3Secret = gw3Secret;
        CessToken = cessToken;
        MemoJwt = memoJwt;
    }

    /// <summary>The identity of the bearer token.</summary>
    public string IdentityId { get; }

    public string Bearer { get; }

    public string Gw3Key { get; }

    public string Gw3Secret { get; }

    public string CessToken { get; }

    public string MemoJwt { get; }

    /// <summary>Settings a gateway needs for every flow here (a CESS token key made on first use, a MEMO JWT key).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Gateway:Cess:Token:GenerateKeyIfMissing"] = "true",
        ["Gateway:Memo:JwtSigningKey"] = MemoGatewayFixture.JwtKey,
    };

    /// <summary>Issues a new caller's credentials on <paramref name="twin"/>.</summary>
    public static async Task<SurfaceCredentials> IssueAsync(GatewayApplication twin, string name)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var (user, identityId, _) = await twin.CreateUserClientAsync(name);
        var bearer = user.DefaultRequestHeaders.Authorization!.Parameter!;
        user.Dispose();
        var (_, _, gw3Key, gw3Secret) = await Gw3Client.IssueAsync(twin, name);
        using var anonymous = twin.CreateClient();
        var cess = await CessClient.SignInAsync(anonymous, twin.Services, $"{name}{Guid.NewGuid():N}"[..24].ToLowerInvariant() + "@example.com");
        var (memo, _) = await new MemoWallet().LoginAsync(anonymous);
        return new SurfaceCredentials(identityId, bearer, gw3Key, gw3Secret, cess, memo);
    }

    /// <summary>Adds the credential the route under <paramref name="path"/> takes (none for public surfaces).</summary>
    public void Apply(HttpRequestMessage request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(path);
        if (Under(path, "/v1/files") || Under(path, "/api/v0") || Under(path, "/uploads") || Under(path, "/psa"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
            if (Under(path, "/uploads/tus"))
            {
                request.Headers.Add("Tus-Resumable", "1.0.0");
            }
        }
        else if (Under(path, "/ops"))
        {
            request.Headers.Add("X-Operator-Key", GatewayApplication.OperatorKey);
        }
        else if (Under(path, "/gw3"))
        {
            // Gateway3 wants ts (Unix seconds, within its window) on every request, whichever credential style (compat.md §4).
            var uri = request.RequestUri!.OriginalString;
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ts=" + ts, UriKind.RelativeOrAbsolute);
            request.Headers.Add("X-Access-Key", Gw3Key);
            request.Headers.Add("X-Access-Secret", Gw3Secret);
        }
        else if (Under(path, "/cess"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", CessToken);
        }
        else if (Under(path, "/memo"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MemoJwt);
        }
    }

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "?", StringComparison.OrdinalIgnoreCase);
}
