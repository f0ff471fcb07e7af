using Microsoft.AspNetCore.Http.Metadata;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Endpoint metadata lifting the server's request-body limit for routes that stream bodies into the upload
/// pipeline, which enforces its own limit while it reads (routing applies <see cref="IRequestSizeLimitMetadata"/>).
/// Every other route keeps the small limit of <see cref="HandlerOptions.MaxRequestBodyBytes"/>.
/// </summary>
internal sealed class UnlimitedRequestBody : IRequestSizeLimitMetadata
{
    public static readonly UnlimitedRequestBody Instance = new();

    public long? MaxRequestBodySize => null;
}
