namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Endpoint metadata naming how a surface writes its error bodies, so that the failures mapped in one place (the
/// error middleware, status-code pages, the auth filter) reach each client in its original's shape. Endpoints
/// without it use the gateway's own envelope (<see cref="GatewayErrors"/>).
/// </summary>
internal interface IErrorBodyWriter
{
    /// <summary>Writes an error with this status, stable code and message to a response that has not started.</summary>
    Task WriteAsync(HttpResponse response, int status, string code, string message);
}
