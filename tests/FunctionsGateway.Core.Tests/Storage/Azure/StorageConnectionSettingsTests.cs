using Azure.Identity;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Emulator;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class StorageConnectionSettingsTests
{
    private const string Key = AzuriteProcess.AccountKey;

    [Fact]
    public void Parse_AzuriteConnectionString_TakesTheExplicitEndpointsAndKey()
    {
        var settings = StorageConnectionSettings.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1/;" +
            "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal("devstoreaccount1", settings.AccountName);
        Assert.Equal("http://127.0.0.1:41000/devstoreaccount1", settings.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41001/devstoreaccount1", settings.QueueEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41002/devstoreaccount1", settings.TableEndpoint!.AbsoluteUri);
        Assert.True(settings.HasAccountKey);
        Assert.Null(settings.Credential);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("usedevelopmentstorage=True;")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://ipv4.fiddler")]
    public void Parse_UseDevelopmentStorage_IsAzuriteOnItsDefaultPorts(string connectionString)
    {
        var settings = StorageConnectionSettings.Parse(connectionString);

        Assert.Equal(AzuriteProcess.AccountName, settings.AccountName);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", settings.GetEndpoint(StorageService.Blob).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", settings.GetEndpoint(StorageService.Queue).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", settings.GetEndpoint(StorageService.Table).AbsoluteUri);
        Assert.True(settings.HasAccountKey);
    }

    [Fact]
    public void Parse_AccountNameAndKeyOnly_DerivesHttpsEndpointsInThePublicCloud()
    {
        var settings = StorageConnectionSettings.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal("https://acct.blob.core.windows.net/", settings.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("https://acct.queue.core.windows.net/", settings.QueueEndpoint!.AbsoluteUri);
        Assert.Equal("https://acct.table.core.windows.net/", settings.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void Parse_ProtocolAndSuffixInAnyCase_DeriveTheEndpoints()
    {
        var settings = StorageConnectionSettings.Parse($" defaultendpointsprotocol = HTTP ; accountname=acct;ACCOUNTKEY={Key};EndpointSuffix=core.chinacloudapi.cn;;");

        Assert.Equal("http://acct.blob.core.chinacloudapi.cn/", settings.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("http://acct.table.core.chinacloudapi.cn/", settings.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void Parse_OneExplicitEndpoint_OthersAreDerived()
    {
        var settings = StorageConnectionSettings.Parse($"AccountName=acct;AccountKey={Key};BlobEndpoint=https://cdn.example.com");

        Assert.Equal("https://cdn.example.com/", settings.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("https://acct.queue.core.windows.net/", settings.QueueEndpoint!.AbsoluteUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(";;", "empty")]
    [InlineData("this is not a connection string", "part 1")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountName=acct;AccountKey=not*base64!", "base64")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=" + Key, "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a url", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=ftp://host", "BlobEndpoint")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2025-01-05&sig=abc", "SharedAccessSignature")]
    public void Parse_Malformed_ThrowsNamingTheSettingAndTheProblemButNotTheKey(string connectionString, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.Parse(connectionString));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_IsParsed()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", settings.BlobEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void FromConfiguration_AccountName_IsEveryServiceWithDefaultAzureCredential()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "acct")));

        Assert.Equal("acct", settings.AccountName);
        Assert.Equal("https://acct.blob.core.windows.net/", settings.GetEndpoint(StorageService.Blob).AbsoluteUri);
        Assert.Equal("https://acct.queue.core.windows.net/", settings.GetEndpoint(StorageService.Queue).AbsoluteUri);
        Assert.Equal("https://acct.table.core.windows.net/", settings.GetEndpoint(StorageService.Table).AbsoluteUri);
        Assert.IsType<DefaultAzureCredential>(settings.Credential);
        Assert.False(settings.HasAccountKey);
    }

    [Fact]
    public void FromConfiguration_ServiceUrisWithManagedIdentityAndClientId_UsesAUserAssignedManagedIdentity()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Null(settings.AccountName);
        Assert.Equal("https://acct.blob.core.windows.net/", settings.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("https://acct.table.core.windows.net/", settings.TableEndpoint!.AbsoluteUri);
        Assert.IsType<ManagedIdentityCredential>(settings.Credential);
    }

    [Fact]
    public void FromConfiguration_ManagedIdentityWithoutClientId_UsesTheSystemAssignedIdentity()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:accountName", "acct"),
            ("AzureWebJobsStorage:credential", "ManagedIdentity")));

        Assert.IsType<ManagedIdentityCredential>(settings.Credential);
    }

    [Fact]
    public void FromConfiguration_ConnectionStringAndIdentityKeys_TheConnectionStringWins()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("AzureWebJobsStorage:accountName", "acct")));

        Assert.True(settings.HasAccountKey);
        Assert.Equal(AzuriteProcess.AccountName, settings.AccountName);
    }

    [Fact]
    public void FromConfiguration_OtherSettingName_ReadsThatSetting()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(("Storage2:accountName", "other")), "Storage2");

        Assert.Equal("other", settings.AccountName);
        Assert.Equal("Storage2", settings.SettingName);
    }

    [Fact]
    public void FromConfiguration_NothingSet_ThrowsNamingTheSettingAndItsForms()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.FromConfiguration(Configuration()));

        Assert.Contains("AzureWebJobsStorage is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_UnknownCredential_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:accountName", "acct"),
            ("AzureWebJobsStorage:credential", "clientsecret"))));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("clientsecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_MalformedServiceUri_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:queueServiceUri", "acct.queue.core.windows.net"))));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_HttpServiceUri_ThrowsBecauseTokensNeedTls()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "http://127.0.0.1:10000/devstoreaccount1"))));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEndpoint_ServiceWithoutAUri_ThrowsNamingTheSettingToAdd()
    {
        var settings = StorageConnectionSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net")));

        var error = Assert.Throws<InvalidOperationException>(() => settings.GetEndpoint(StorageService.Table));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Equal("https://acct.blob.core.windows.net/", settings.GetEndpoint(StorageService.Blob).AbsoluteUri);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
