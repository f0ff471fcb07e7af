using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>Stamps <c>x-ms-date</c> (RFC 1123) on every try, before it is signed, so that a retried request
/// carries a fresh date and signature. Only <c>x-ms-date</c>, never <c>Date</c>: Azurite prefers <c>Date</c>
/// when both are present (spec/azure.md §3.2).</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "x-ms-date";

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue(HeaderName, timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
