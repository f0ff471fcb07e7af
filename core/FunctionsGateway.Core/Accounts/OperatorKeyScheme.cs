using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Accounts;

/// <summary>Operators authenticate with <c>X-Operator-Key</c>, compared in constant time.</summary>
public sealed class OperatorKeyScheme(IOptions<OperatorOptions> options) : IAuthScheme
{
    public const string HeaderName = "X-Operator-Key";

    public string Name => "operator";

    public Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthResult.Fail(AuthFailure.Missing));
        }

        return Task.FromResult(SecretHasher.FixedTimeEquals(presented, options.Value.Key)
            ? AuthResult.Success(new GatewayPrincipal("operator", "operator", Name, ["operator"]))
            : AuthResult.Fail(AuthFailure.Invalid));
    }
}
