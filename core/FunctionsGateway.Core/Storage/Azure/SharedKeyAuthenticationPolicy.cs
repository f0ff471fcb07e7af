using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Signs each try with the account key (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// A per-retry policy placed after <see cref="StorageDatePolicy"/>: every retry is signed again with its own date.
/// </summary>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKey key, SharedKeyScheme scheme) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var uri = request.Uri.ToUri();
        string stringToSign;
        if (scheme == SharedKeyScheme.SharedKeyLite)
        {
            request.Headers.TryGetValue(StorageDatePolicy.HeaderName, out var date);
            stringToSign = SharedKeyStringToSign.ForTableLite(date ?? string.Empty, uri, key.AccountName);
        }
        else
        {
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in request.Headers)
            {
                headers.Add(new(header.Name, header.Value));
            }

            // The transport sets Content-Length from the content; the signature needs it now.
            if (!request.Headers.Contains("Content-Length") && request.Content is not null && request.Content.TryComputeLength(out var length))
            {
                headers.Add(new("Content-Length", length.ToString(CultureInfo.InvariantCulture)));
            }

            stringToSign = SharedKeyStringToSign.ForBlobOrQueue(request.Method.Method, uri, key.AccountName, headers);
        }

        request.Headers.SetValue("Authorization", $"{scheme} {key.AccountName}:{key.Sign(stringToSign)}");
    }
}
