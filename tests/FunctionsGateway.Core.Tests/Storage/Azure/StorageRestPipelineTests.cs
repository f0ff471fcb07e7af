using Azure;
using Azure.Core;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Emulator;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class StorageRestPipelineTests
{
    private static readonly StorageConnectionSettings Development = StorageConnectionSettings.Parse("UseDevelopmentStorage=true");
    private static readonly DateTimeOffset Start = new(2025, 3, 7, 10, 11, 12, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_EveryTryFails_EachTryIsDatedAndSignedAgain()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Refuse);
        var pipeline = Create(StorageService.Blob, transport, maxRetries: 2);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/c/b");

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => pipeline.SendAsync(message, CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.True(error.IsUnavailable);
        Assert.Equal(3, transport.Tries.Count);
        Assert.Equal(
            ["Fri, 07 Mar 2025 10:11:12 GMT", "Fri, 07 Mar 2025 10:11:13 GMT", "Fri, 07 Mar 2025 10:11:14 GMT"],
            transport.Tries.Select(t => t["x-ms-date"]));
        Assert.Equal(3, transport.Tries.Select(t => t["Authorization"]).Distinct().Count());
        Assert.All(transport.Tries, t => Assert.StartsWith("SharedKey devstoreaccount1:", t["Authorization"], StringComparison.Ordinal));
        Assert.Single(transport.Tries.Select(t => t["x-ms-client-request-id"]).Distinct());
        Assert.All(transport.Tries, t => Assert.Equal("2025-01-05", t["x-ms-version"]));
    }

    [Fact]
    public async Task SendAsync_ServerBusyThenOk_RetriesResignedAndReturnsTheAnswer()
    {
        var transport = new ScriptedTransport(() => new CannedResponse(503), () => new CannedResponse(200, "ok"));
        var pipeline = Create(StorageService.Blob, transport, maxRetries: 3);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/c/b");

        var response = await pipeline.SendAndEnsureSuccessAsync(message, CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, transport.Tries.Count);
        Assert.NotEqual(transport.Tries[0]["Authorization"], transport.Tries[1]["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_TableService_SignsWithSharedKeyLiteAndSendsTheExtraHeaders()
    {
        var transport = new ScriptedTransport(() => new CannedResponse(200));
        var pipeline = StorageRestPipeline.Create(
            StorageService.Table, Development, new AzureStorageOptions(), TimeProvider.System, "2019-02-02", [new("DataServiceVersion", "3.0;NetFx")], transport);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/Tables");

        await pipeline.SendAsync(message, CancellationToken.None);

        var sent = Assert.Single(transport.Tries);
        Assert.StartsWith("SharedKeyLite devstoreaccount1:", sent["Authorization"], StringComparison.Ordinal);
        Assert.Equal("3.0;NetFx", sent["DataServiceVersion"]);
        Assert.Equal("2019-02-02", sent["x-ms-version"]);
    }

    [Fact]
    public async Task SendAsync_ClosedPortWithRetries_ThrowsStatus0AfterTheLastTry()
    {
        var settings = StorageConnectionSettings.Parse(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};QueueEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1");
        var pipeline = StorageRestPipeline.Create(
            StorageService.Queue, settings, new AzureStorageOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) }, TimeProvider.System, "2025-01-05");
        using var message = pipeline.CreateMessage(RequestMethod.Get, "?comp=list");

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => pipeline.SendAsync(message, CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.True(error.IsUnavailable);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancelled_ThrowsOperationCanceledNotAzureStorageException()
    {
        var pipeline = Create(StorageService.Blob, new ScriptedTransport(() => new CannedResponse(200)), maxRetries: 0);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/c/b");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SendAsync(message, cancelled.Token));
    }

    [Fact]
    public async Task EnsureSuccessAsync_XmlErrorBody_ExceptionCarriesStatusCodeMessageAndRequestId()
    {
        var transport = new ScriptedTransport(() => new CannedResponse(
            409,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>LeaseIdMissing</Code><Message>There is a lease.\nRequestId:r-1</Message></Error>",
            ("x-ms-request-id", "r-1")));
        var pipeline = Create(StorageService.Blob, transport, maxRetries: 0);
        using var message = pipeline.CreateMessage(RequestMethod.Delete, "/c/b");

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => pipeline.SendAndEnsureSuccessAsync(message, CancellationToken.None));

        Assert.Equal(409, error.Status);
        Assert.Equal("LeaseIdMissing", error.ErrorCode);
        Assert.False(error.IsUnavailable);
        Assert.Contains("DELETE /devstoreaccount1/c/b", error.Message, StringComparison.Ordinal);
        Assert.Contains("There is a lease.", error.Message, StringComparison.Ordinal);
        Assert.Contains("r-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSuccessAsync_HeaderCode_WinsOverTheBody()
    {
        var transport = new ScriptedTransport(() => new CannedResponse(500, "{}", ("x-ms-error-code", "InternalError")));
        var pipeline = Create(StorageService.Table, transport, maxRetries: 0);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/Tables");

        var error = await Assert.ThrowsAsync<AzureStorageException>(() => pipeline.SendAndEnsureSuccessAsync(message, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.True(error.IsUnavailable);
    }

    [Fact]
    public async Task ParseBody_UnreadableBody_ThrowsAzureStorageExceptionWithTheStatus()
    {
        var pipeline = Create(StorageService.Blob, new ScriptedTransport(() => new CannedResponse(200, "<not xml")), maxRetries: 0);
        using var message = pipeline.CreateMessage(RequestMethod.Get, "/c?restype=container&comp=list");
        await pipeline.SendAsync(message, CancellationToken.None);

        var error = Assert.Throws<AzureStorageException>(() => StorageRestPipeline.ParseBody(message, BlobServiceXml.ParseListing));

        Assert.Equal(200, error.Status);
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public void CreateUri_PathAndQuery_AppendsToThePathStyleEndpoint()
    {
        var pipeline = StorageRestPipeline.Create(StorageService.Queue, Development, new AzureStorageOptions(), TimeProvider.System, "2025-01-05");

        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/q/messages?peekonly=true", pipeline.CreateUri("/q/messages?peekonly=true").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1?comp=list", pipeline.CreateUri("?comp=list").AbsoluteUri);
    }

    [Fact]
    public void IsTransportFailure_KindsOfException_OnlyMissingAnswersCount()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(StorageRestPipeline.IsTransportFailure(new RequestFailedException("refused"), CancellationToken.None));
        Assert.True(StorageRestPipeline.IsTransportFailure(new HttpRequestException("refused"), CancellationToken.None));
        Assert.True(StorageRestPipeline.IsTransportFailure(new IOException("reset"), CancellationToken.None));
        Assert.True(StorageRestPipeline.IsTransportFailure(new TaskCanceledException("network timeout"), CancellationToken.None));
        Assert.True(StorageRestPipeline.IsTransportFailure(new AggregateException(new IOException("a"), new TaskCanceledException("b")), CancellationToken.None));
        Assert.False(StorageRestPipeline.IsTransportFailure(new TaskCanceledException("caller"), cancelled.Token));
        Assert.False(StorageRestPipeline.IsTransportFailure(new RequestFailedException(500, "server"), CancellationToken.None));
        Assert.False(StorageRestPipeline.IsTransportFailure(new AggregateException(new IOException("a"), new FormatException("b")), CancellationToken.None));
        Assert.False(StorageRestPipeline.IsTransportFailure(new InvalidOperationException(), CancellationToken.None));
    }

    private static StorageRestPipeline Create(StorageService service, ScriptedTransport transport, int maxRetries) =>
        StorageRestPipeline.Create(
            service,
            Development,
            new AzureStorageOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.Zero },
            new SteppingTimeProvider(Start),
            service == StorageService.Table ? "2019-02-02" : "2025-01-05",
            transport: transport);
}
