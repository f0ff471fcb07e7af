using Amazon.Runtime;
using Amazon.S3;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>Builds the S3 client the <c>mefs</c> backend talks to MEFS's S3 gateway with (one per process).</summary>
public static class MefsS3ClientFactory
{
    /// <summary>An S3 client for <paramref name="options"/>; <see cref="MefsOptions.Endpoint"/> must be set.</summary>
    public static AmazonS3Client Create(MefsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Gateway:Mefs:Endpoint is not set.");
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            // SigV4 signs for a region even when the endpoint is not AWS; MinIO-based gateways check it.
            AuthenticationRegion = options.Region,
            UseHttp = endpoint.Scheme == Uri.UriSchemeHttp,
            ForcePathStyle = options.ForcePathStyle,
            Timeout = options.RequestTimeout,
            MaxErrorRetry = options.MaxRetries,
        };
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
