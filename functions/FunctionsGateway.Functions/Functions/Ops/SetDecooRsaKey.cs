using System.Text;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary>
/// <c>PUT /ops/identities/{id}/rsa-key</c> with an RSA public key as PEM in the body (SubjectPublicKeyInfo
/// <c>BEGIN PUBLIC KEY</c> or PKCS#1 <c>BEGIN RSA PUBLIC KEY</c>) → 204: the key Decoo <c>secret</c>s of the identity are
/// checked with, replacing any earlier one. Not a public RSA key (a private key included) → 400 <c>invalid_rsa_key</c>.
/// </summary>
internal static class SetDecooRsaKey
{
    public const string Name = "OpsSetDecooRsaKey";

    private const int MaxBodyChars = 16 * 1024;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/identities/{id}/rsa-key", HandleAsync).AsFunction(Name)
            .Accepts<string>("application/x-pem-file", "text/plain")
            .Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, IdentityStore identities, DecooRsaKeyStore keys, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(id, cancellationToken) is null)
        {
            return GatewayErrors.Problem(StatusCodes.Status404NotFound, "identity_not_found", "No identity has this id.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyChars + 1];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (length > MaxBodyChars)
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_rsa_key", "The body is too long for a PEM public key.");
        }

        if (!DecooPublicKey.TryParse(new string(buffer, 0, length), out var subjectPublicKeyInfo, out _, out var error))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_rsa_key", error);
        }

        await keys.SetAsync(id, subjectPublicKeyInfo, cancellationToken);
        return Results.NoContent();
    }
}
