using FunctionsGateway.Core.Uploads.Tus;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Uploads;

/// <summary>
/// The version handshake of tus 1.0.0: <c>Tus-Resumable: 1.0.0</c> on every answer (also errors, which the
/// exception middleware writes after clearing the headers, hence <c>OnStarting</c>), and 412 with
/// <c>Tus-Version</c> for a request without that header or with another version; OPTIONS is exempt.
/// </summary>
internal static class TusResumableFilter
{
    public static RouteGroupBuilder RequireTusResumable(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers[TusProtocol.ResumableHeader] = TusProtocol.Version;
                return Task.CompletedTask;
            }, http.Response);
            if (!HttpMethods.IsOptions(http.Request.Method)
                && !string.Equals(http.Request.Headers[TusProtocol.ResumableHeader], TusProtocol.Version, StringComparison.Ordinal))
            {
                http.Response.Headers[TusProtocol.VersionHeader] = TusProtocol.Version;
                return GatewayErrors.Problem(StatusCodes.Status412PreconditionFailed, "tus_version_unsupported",
                    $"This server speaks tus {TusProtocol.Version}; send Tus-Resumable: {TusProtocol.Version}.");
            }

            return await next(context);
        });
        return group;
    }
}
