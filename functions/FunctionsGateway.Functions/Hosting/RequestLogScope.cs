using System.Collections;
using System.Diagnostics;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// The log scope of one request (STYLE.md rule 10): <c>RequestId</c>, <c>FunctionName</c> and, once an auth scheme
/// has accepted the request, <c>IdentityId</c>, so that every line logged while the request runs names them as
/// structured properties. Never a header, token or key: the identity's id is not a secret. The identity is filled in
/// by <see cref="PrincipalAccessor.SetPrincipal"/> after the scope began, so the state is read when a line is logged.
/// </summary>
internal sealed class RequestLogScope(string requestId, string? functionName) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string RequestId { get; } = requestId;

    public string? FunctionName { get; } = functionName;

    public string? IdentityId { get; set; }

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(nameof(RequestId), RequestId),
        1 => new(nameof(FunctionName), FunctionName),
        2 => new(nameof(IdentityId), IdentityId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{RequestId} FunctionName:{FunctionName} IdentityId:{IdentityId}";
}

/// <summary>Begins a <see cref="RequestLogScope"/> around the rest of the pipeline and tags the request's activity with the function.</summary>
internal sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var function = context.GetEndpoint()?.Metadata.GetMetadata<FunctionMetadata>()?.Name;
        var scope = new RequestLogScope(context.TraceIdentifier, function);
        context.Features.Set(scope);
        if (function is not null)
        {
            Activity.Current?.SetTag("faas.name", function);
        }

        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }
}
