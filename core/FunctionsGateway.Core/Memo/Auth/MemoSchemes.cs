using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Auth.Crypto;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Memo.Auth;

/// <summary>MEMO access tokens: <c>Authorization: Bearer &lt;JWT&gt;</c> (compat §2.2), the SIWE era's scheme.</summary>
internal sealed class MemoJwtScheme(MemoTokenService tokens) : IAuthScheme
{
    public string Name => CredentialKinds.MemoAccess;

    public Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return tokens.AuthenticateAsync(request.Headers[HeaderNames.Authorization].ToString(), MemoTokenClaims.AccessType, cancellationToken);
    }
}

/// <summary>
/// The DID era's signed sequential requests (compat §2.5): <c>did, token, requestID, signature</c> and an optional
/// <c>payload</c> from a JSON body — also when it comes without a Content-Type, as the original's Go clients send
/// it — or <c>did, token, requestID, signature, hash</c> from form fields or the query string.
/// </summary>
internal sealed class MemoDidRequestScheme(MemoDidAuth auth) : IAuthScheme
{
    public string Name => MemoDidAuth.SchemeName;

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await AuthenticateAsync(await ReadFieldsAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Checks fields already read (the multipart upload reads them while it streams).</summary>
    public Task<AuthResult> AuthenticateAsync(MemoSignedFields fields, CancellationToken cancellationToken = default) =>
        auth.VerifyAsync(fields, cancellationToken);

    /// <summary>The signed-request fields of a request that carries no file.</summary>
    public static async Task<MemoSignedFields> ReadFieldsAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return MemoSignedFields.FromFields(name => form.TryGetValue(name, out var value) ? value.ToString() : Query(request, name));
        }

        var contentType = request.ContentType;
        if ((contentType is null || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            var json = await MemoJsonBody.ReadAsync(request, cancellationToken);
            if (json.IsObject)
            {
                // A field of the wrong JSON type counts as missing, as in the original's bind.
                return new MemoSignedFields(json.String("did"), json.String("token"), json.Int64("requestID"), json.String("signature"), json.String("payload"));
            }
        }

        return MemoSignedFields.FromFields(name => Query(request, name));
    }

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>Who a MEMO request acts for, whichever era's scheme authenticated it.</summary>
public sealed record MemoCaller(string IdentityId, EthereumAddress Address, string? Did)
{
    /// <summary>True for a DID-era signed request.</summary>
    public bool IsDid => Did is not null;

    /// <summary>The caller of a principal from <see cref="MemoJwtScheme"/> or <see cref="MemoDidRequestScheme"/>.</summary>
    public static MemoCaller From(GatewayPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        principal.Claims.TryGetValue(MemoDidAuth.DidClaim, out var did);
        var address = principal.Claims.TryGetValue(MemoDidAuth.AddressClaim, out var a) ? a : principal.Claims.GetValueOrDefault(MemoTokenService.SubjectClaim);
        return new MemoCaller(principal.IdentityId, EthereumAddress.TryParse(address, out var parsed) ? parsed : default, did);
    }
}
