using FunctionsGateway.Core.Accounts.Admission;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Runs every <see cref="IAdmissionCheck"/> (rate limits; quotas next to them) after a group's auth filter and before
/// its functions: the identity is the authenticated principal's, the route the function's name. The checks' headers
/// (<c>x-ratelimit-*</c>) go on whatever answer follows, errors included; the first refusal answers with its status
/// (429 with <c>Retry-After</c> for a rate limit) in the body shape of the endpoint's surface
/// (<see cref="IErrorBodyWriter"/>).
/// </summary>
internal static class AdmissionFilter
{
    /// <summary>Admits each request of the group's endpoints through the checks, as <paramref name="surface"/> (e.g. <c>psa</c>) for surface-wide limits.</summary>
    public static TBuilder RequireAdmission<TBuilder>(this TBuilder builder, string surface)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var route = http.GetEndpoint()?.Metadata.GetMetadata<FunctionMetadata>()?.Name ?? surface;
            var request = new AdmissionRequest(http.GetPrincipal().IdentityId, route, surface, http.Request.ContentLength);
            var headers = new List<KeyValuePair<string, string>>();
            // Set when the answer starts, so that they survive the error middleware's clearing of a failed response.
            http.Response.OnStarting(() =>
            {
                foreach (var (name, value) in headers)
                {
                    http.Response.Headers[name] = value;
                }

                return Task.CompletedTask;
            });
            foreach (var check in http.RequestServices.GetServices<IAdmissionCheck>())
            {
                var decision = await check.CheckAsync(request, http.RequestAborted);
                headers.AddRange(decision.Headers);
                if (!decision.Admitted)
                {
                    return GatewayErrors.ForEndpoint(decision.Status, decision.Code, decision.Message);
                }
            }

            return await next(context);
        });
        return builder;
    }
}
