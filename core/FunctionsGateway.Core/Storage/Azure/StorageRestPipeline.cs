using System.Text;
using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// The Azure.Core pipeline of one storage service plus the boundary's error mapping, shared by the three clients.
/// Per call: <c>x-ms-client-request-id</c> (Azure.Core's own policy) and <see cref="ConstantHeadersPolicy"/>; then
/// retries; per try: <see cref="StorageDatePolicy"/> and authorization (<see cref="SharedKeyAuthenticationPolicy"/>, or
/// <see cref="BearerTokenAuthenticationPolicy"/> for Entra ID), so each try is dated and signed afresh.
/// Every failure leaves as <see cref="AzureStorageException"/>: a status the caller does not expect, or status 0
/// when the service did not answer.
/// </summary>
internal sealed class StorageRestPipeline
{
    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint;

    private StorageRestPipeline(StorageService service, HttpPipeline pipeline, Uri endpoint)
    {
        Service = service;
        _pipeline = pipeline;
        Endpoint = endpoint;
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
    }

    public StorageService Service { get; }

    /// <summary>The service endpoint (no trailing slash in the URLs built from it).</summary>
    public Uri Endpoint { get; }

    /// <summary>Builds the pipeline for <paramref name="service"/> from the parsed settings; <paramref name="transport"/>
    /// replaces Azure.Core's shared <c>HttpClient</c> transport (tests).</summary>
    public static StorageRestPipeline Create(
        StorageService service,
        StorageConnectionSettings settings,
        AzureStorageOptions options,
        TimeProvider timeProvider,
        string apiVersion,
        IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null,
        HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.GetEndpoint(service);
        var headers = new List<KeyValuePair<string, string>> { new("x-ms-version", apiVersion) };
        headers.AddRange(extraHeaders ?? []);

        HttpPipelinePolicy authorization = settings.SharedKey is { } key
            ? new SharedKeyAuthenticationPolicy(key, service == StorageService.Table ? SharedKeyScheme.SharedKeyLite : SharedKeyScheme.SharedKey)
            : new BearerTokenAuthenticationPolicy(
                settings.Credential ?? throw new InvalidOperationException($"{settings.SettingName} gives neither an account key nor a credential."),
                StorageConnectionSettings.TokenScope);

        var clientOptions = new AzureStorageClientOptions(options);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        var pipeline = HttpPipelineBuilder.Build(
            clientOptions,
            perCallPolicies: [new ConstantHeadersPolicy(headers)],
            perRetryPolicies: [new StorageDatePolicy(timeProvider), authorization],
            new ResponseClassifier());
        return new StorageRestPipeline(service, pipeline, endpoint);
    }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> (already escaped; starts with <c>/</c> or <c>?</c>).</summary>
    public Uri CreateUri(string pathAndQuery) => new(_endpoint + pathAndQuery);

    /// <summary>A request to <paramref name="pathAndQuery"/> below the endpoint.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string pathAndQuery)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(CreateUri(pathAndQuery));
        return message;
    }

    /// <summary>Sends the message; any status comes back as a response, a missing answer as status 0.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw new AzureStorageException(
                0,
                null,
                $"Azure Storage {Service} at {Endpoint.Authority} did not answer {message.Request.Method} {message.Request.Uri.Path}: {e.Message}",
                e);
        }

        return message.Response;
    }

    /// <summary>Sends the message and throws unless the status is 2xx.</summary>
    public async Task<Response> SendAndEnsureSuccessAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        var response = await SendAsync(message, cancellationToken);
        await EnsureSuccessAsync(message, cancellationToken);
        return response;
    }

    /// <summary>Throws <see cref="AzureStorageException"/> unless the response status is 2xx.</summary>
    public async Task EnsureSuccessAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Response.Status is < 200 or > 299)
        {
            throw await CreateFailureAsync(message, cancellationToken);
        }
    }

    /// <summary>The exception for a response the caller did not expect: status, <c>x-ms-error-code</c> (or the code in
    /// the body), the service's message and its request id.</summary>
    public async Task<AzureStorageException> CreateFailureAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var response = message.Response;
        var body = string.Empty;
        if (response.ContentStream is { } stream && message.Request.Method != RequestMethod.Head)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var (bodyCode, bodyMessage) = StorageErrorBody.Parse(body);
        var code = response.Headers.TryGetValue("x-ms-error-code", out var headerCode) ? headerCode : bodyCode;
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var text = $"Azure Storage {Service} {message.Request.Method} {message.Request.Uri.Path} failed with {response.Status} {code ?? response.ReasonPhrase}: " +
                   $"{FirstLine(bodyMessage) ?? response.ReasonPhrase} (request id {requestId ?? "none"}).";
        return new AzureStorageException(response.Status, code, text);
    }

    /// <summary>Reads a successful response's (buffered) body; a body that cannot be read is this boundary's
    /// failure too, with the response's status.</summary>
    public static T ParseBody<T>(HttpMessage message, Func<Stream, T> parse)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(parse);
        var response = message.Response;
        try
        {
            return parse(response.ContentStream ?? Stream.Null);
        }
        catch (Exception e) when (e is FormatException or XmlException or JsonException)
        {
            throw new AzureStorageException(
                response.Status,
                null,
                $"Azure Storage answered {message.Request.Method} {message.Request.Uri.Path} with a body that could not be read: {e.Message}",
                e);
        }
    }

    /// <summary>No answer from the service: connection refused or reset, a timeout of one try, or retries exhausted on
    /// those. The caller's own cancellation is not one.</summary>
    internal static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException { Status: 0 } => true,
        HttpRequestException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
                                        && aggregate.InnerExceptions.All(e => IsTransportFailure(e, cancellationToken)),
        _ => false,
    };

    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
