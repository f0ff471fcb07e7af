using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Ops;

/// <summary><c>POST /ops/identities</c> with <c>{"name"}</c> → 201 <c>{"id","name"}</c>.</summary>
internal static class CreateIdentity
{
    public const string Name = "OpsCreateIdentity";

    private const int MaxNameLength = 256;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/identities", HandleAsync).AsFunction(Name)
            .Accepts<CreateIdentityRequest>("application/json")
            .Produces<IdentityResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(CreateIdentityRequest? body, IdentityStore identities, CancellationToken cancellationToken)
    {
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return GatewayErrors.Problem(StatusCodes.Status400BadRequest, "invalid_name", $"\"name\" is required: 1 to {MaxNameLength} characters, no control characters.");
        }

        var identity = await identities.CreateAsync(name, cancellationToken);
        return Results.Created($"/ops/identities/{identity.Id}", new IdentityResponse(identity.Id, identity.Name));
    }
}
