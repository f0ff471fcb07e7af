using Microsoft.AspNetCore.Http;

namespace FunctionsGateway.Core.Accounts;

/// <summary>One authentication scheme (STYLE.md rule 2): reads a request, returns a principal or a failure, never throws for "not authenticated".</summary>
public interface IAuthScheme
{
    /// <summary>The scheme's name as recorded in <see cref="GatewayPrincipal.Scheme"/>.</summary>
    string Name { get; }

    Task<AuthResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default);
}
