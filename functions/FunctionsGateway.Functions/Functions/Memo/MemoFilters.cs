using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>Which era's body a route answers when a request carries no credentials at all.</summary>
internal enum MemoEra
{
    /// <summary>Routes of both eras (uploads, downloads, lists, deletion): the envelope's <c>Token is Null…</c>.</summary>
    Siwe,

    /// <summary>Routes only the DID era has: <c>{"error":"Missing parameters…"}</c>.</summary>
    Did,
}

/// <summary>
/// The MEMO surface's filters: one place that turns failures into the original's bodies (STYLE.md rules 2 and 6),
/// and the authentication of both eras — a <c>Bearer</c> JWT when an <c>Authorization</c> header is sent, the
/// DID era's signed fields otherwise.
/// </summary>
internal static partial class MemoFilters
{
    private static readonly object CallerKey = new();

    /// <summary>Maps MEMO failures on every endpoint of the group.</summary>
    public static RouteGroupBuilder MapMemoErrors(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (MemoException e)
            {
                return MemoResults.Error(e.Error);
            }
            catch (MemoAuthException e)
            {
                return MemoResults.DidError(e.Result.Detail ?? MemoDidAuth.MissingParameters);
            }
            catch (UploadTooLargeException e)
            {
                return MemoResults.Error(MemoErrorKind.Storage, e.Message);
            }
            catch (QuotaExceededException e)
            {
                return MemoResults.Error(MemoResults.QuotaRefusal(e.Remaining, e.Requested));
            }
            catch (EthereumRpcException e)
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MemoFilters));
                LogChainFailed(logger, e, context.HttpContext.TraceIdentifier, e.Method);
                // A reverted call is the contract refusing (519); anything else is the node (520, "rpc error").
                return e.RevertReason is { } reason
                    ? MemoResults.Error(MemoErrorKind.Contract, reason)
                    : MemoResults.Error(MemoErrorKind.Eth, "rpc error: " + e.NodeMessage);
            }
        });
        return group;
    }

    /// <summary>Requires a caller; <paramref name="era"/> picks the body when the request carries no credentials.</summary>
    public static TBuilder RequireMemoCaller<TBuilder>(this TBuilder builder, MemoEra era)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(AdmittedAfterAuthentication.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var (caller, failure) = await AuthenticateAsync(context.HttpContext, era, required: true);
            if (failure is not null)
            {
                return failure;
            }

            context.HttpContext.Items[CallerKey] = caller;
            return await AdmissionFilter.AdmitAsync(context, next, caller?.IdentityId);
        });
        return builder;
    }

    /// <summary>Authenticates when credentials are sent (and fails when they are wrong); anonymous otherwise.</summary>
    public static TBuilder AllowMemoCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(AdmittedAfterAuthentication.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var (caller, failure) = await AuthenticateAsync(context.HttpContext, MemoEra.Siwe, required: false);
            if (failure is not null)
            {
                return failure;
            }

            context.HttpContext.Items[CallerKey] = caller;
            return await AdmissionFilter.AdmitAsync(context, next, caller?.IdentityId);
        });
        return builder;
    }

    /// <summary>The caller the route's filter authenticated; null for an anonymous request to an open route.</summary>
    public static MemoCaller? FindMemoCaller(this HttpContext context) => context.Items[CallerKey] as MemoCaller;

    /// <summary>The caller of a route that requires one.</summary>
    public static MemoCaller GetMemoCaller(this HttpContext context) =>
        context.FindMemoCaller() ?? throw new InvalidOperationException("No caller: the endpoint lacks RequireMemoCaller.");

    private static async Task<(MemoCaller? Caller, IResult? Failure)> AuthenticateAsync(HttpContext http, MemoEra era, bool required)
    {
        var services = http.RequestServices;
        if (http.Request.Headers.Authorization.Count > 0)
        {
            var jwt = await services.GetRequiredService<MemoJwtScheme>().AuthenticateAsync(http.Request, http.RequestAborted);
            return jwt.Succeeded
                ? (MemoCaller.From(jwt.Principal!), null)
                : (null, MemoResults.Error(MemoErrorKind.Authentication, jwt.Detail ?? MemoTokenService.InvalidToken));
        }

        var fields = await MemoDidRequestScheme.ReadFieldsAsync(http.Request, http.RequestAborted);
        if (!fields.IsPresent)
        {
            return !required
                ? (null, null)
                : era == MemoEra.Did
                    ? (null, MemoResults.DidError(MemoDidAuth.MissingParameters))
                    : (null, MemoResults.Error(MemoErrorKind.Authentication, MemoTokenService.TokenIsNull));
        }

        var did = await services.GetRequiredService<MemoDidRequestScheme>().AuthenticateAsync(fields, http.RequestAborted);
        return did.Succeeded
            ? (MemoCaller.From(did.Principal!), null)
            : (null, MemoResults.DidError(did.Detail ?? MemoDidAuth.MissingParameters));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chain failed request {RequestId} in {Method}")]
    private static partial void LogChainFailed(ILogger logger, Exception exception, string requestId, string method);
}
