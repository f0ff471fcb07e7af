namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// A compatible surface's own error answers (STYLE.md rule 6: mapped in one place per surface). The error
/// middleware and the status-code pages ask each registered writer whether it owns the request's path; the owner
/// answers in its original's envelope, everything else gets the gateway's.
/// </summary>
internal interface ISurfaceErrorWriter
{
    /// <summary>True for the surface's routes (e.g. everything under <c>/cess</c>).</summary>
    bool Owns(PathString path);

    /// <summary>Answers an exception a function of the surface threw (the response has not started).</summary>
    Task WriteExceptionAsync(HttpContext context, Exception exception);

    /// <summary>Answers an empty error status (unknown route, wrong method, body too large, …).</summary>
    Task WriteStatusAsync(HttpContext context);
}
