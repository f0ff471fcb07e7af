using System.Net;
using FunctionsGateway.Core.Accounts.Admission;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Runs every <see cref="IAdmissionCheck"/> (rate limits, then quotas) after an endpoint's auth filter and before its
/// function: the identity is the authenticated principal's, or for an anonymous request its client address
/// (<see cref="ClientAddress"/>); the route is the function's name. The checks' headers (<c>x-ratelimit-*</c>) go on
/// whatever answer follows, errors included; the first refusal answers with its status (429 with <c>Retry-After</c> for
/// a rate limit, 409 <c>quota_exceeded</c> for a quota) in the body shape of the endpoint's surface
/// (<see cref="IErrorBodyWriter"/>). The response bytes an identity receives are counted as its egress once the answer
/// has been written.
/// </summary>
/// <remarks>
/// Route groups that authenticate per endpoint (<c>/cess</c>, <c>/memo</c>: their auth filters run after the group's)
/// mark those endpoints with <see cref="AdmittedAfterAuthentication"/>; their auth filter then calls
/// <see cref="AdmitAsync"/> with the identity it found.
/// </remarks>
internal static partial class AdmissionFilter
{
    private static readonly object AdmittedKey = new();

    /// <summary>Admits each request of the group's endpoints through the checks, as <paramref name="surface"/> (e.g. <c>psa</c>) for surface-wide limits.</summary>
    public static TBuilder RequireAdmission<TBuilder>(this TBuilder builder, string surface)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AdmissionSurface(surface));
        builder.AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<AdmittedAfterAuthentication>() is not null)
            {
                return next(context); // The endpoint's auth filter admits, once it knows who calls.
            }

            return AdmitAsync(context, next, http.FindPrincipal()?.IdentityId);
        });
        return builder;
    }

    /// <summary>
    /// Admits the request as <paramref name="identityId"/> (null: anonymous, by client address) when its endpoint's group
    /// requires admission, then runs the rest of the pipeline; a refusal answers instead.
    /// </summary>
    public static async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string? identityId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<AdmissionSurface>() is not { } surface || http.Items.ContainsKey(AdmittedKey))
        {
            return await next(context);
        }

        http.Items[AdmittedKey] = true;
        var route = endpoint.Metadata.GetMetadata<FunctionMetadata>()?.Name ?? surface.Name;
        var anonymous = identityId is null;
        var request = new AdmissionRequest(identityId ?? "ip:" + ClientAddress(http), route, surface.Name, http.Request.ContentLength)
        {
            Anonymous = anonymous,
            Read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method),
        };
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

        var usage = http.RequestServices.GetRequiredService<UsageStore>();
        return anonymous || !usage.Enabled ? await next(context) : await CountEgressAsync(context, next, usage, identityId!);
    }

    /// <summary>
    /// The client's address: the connection's, or the first <c>X-Forwarded-For</c> entry when the connection comes from
    /// this machine (the Functions host forwards every request to the handler over loopback) or the host does not say.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if ((remote is null || IPAddress.IsLoopback(remote))
            && context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded)
        {
            return forwarded;
        }

        return remote?.ToString() ?? "unknown";
    }

    // Runs the function and writes its answer inside the filter, so that the bytes it sends are known before the
    // request ends (and counted before the client sees the end of the body).
    private static async ValueTask<object?> CountEgressAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, UsageStore usage, string identityId)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        var counting = new CountingWriteStream(original);
        http.Response.Body = counting;
        try
        {
            var result = await next(context);
            if (result is IResult answer)
            {
                await answer.ExecuteAsync(http);
                return Results.Empty;
            }

            return result;
        }
        finally
        {
            http.Response.Body = original;
            if (counting.Written > 0)
            {
                try
                {
                    await usage.ChargeAsync(identityId, new Usage(EgressBytes: counting.Written), enforce: false, CancellationToken.None);
                }
                catch (AzureStorageException e)
                {
                    LogEgressLost(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdmissionFilter)), e, identityId, counting.Written);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count {Bytes} bytes of egress of {IdentityId}")]
    private static partial void LogEgressLost(ILogger logger, Exception exception, string identityId, long bytes);
}

/// <summary>Group metadata: the endpoints are admitted (rate limits, quotas) as this surface.</summary>
internal sealed record AdmissionSurface(string Name);

/// <summary>Endpoint metadata: the endpoint's own auth filter calls <see cref="AdmissionFilter.AdmitAsync"/> once it knows the caller.</summary>
internal sealed class AdmittedAfterAuthentication
{
    public static readonly AdmittedAfterAuthentication Instance = new();

    private AdmittedAfterAuthentication()
    {
    }
}
