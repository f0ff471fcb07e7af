using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Adds headers every request of a service carries (<c>x-ms-version</c>, the Table service's
/// <c>DataServiceVersion</c>s). A per-call policy: the values never change between tries.</summary>
internal sealed class ConstantHeadersPolicy(IReadOnlyList<KeyValuePair<string, string>> headers) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (name, value) in headers)
        {
            message.Request.Headers.SetValue(name, value);
        }
    }
}
