using Azure.Core;
using Azure.Identity;
using FunctionsGateway.Core.Storage.Emulator;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// Where the storage account is and how requests are authorized, parsed from the <c>AzureWebJobsStorage</c>
/// setting: either a connection string
/// (https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string), including
/// <c>UseDevelopmentStorage=true</c> for Azurite, or the Functions host's identity-based settings
/// <c>AzureWebJobsStorage__accountName</c> / <c>__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c> with <c>__credential</c> and <c>__clientId</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
/// Errors are <see cref="InvalidOperationException"/>s that name the setting and never echo the key.
/// </summary>
public sealed class StorageConnectionSettings
{
    /// <summary>The setting the Functions host and the gateway read.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>The Entra ID scope of the storage data plane.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    private const string DevelopmentHost = "http://127.0.0.1";

    private StorageConnectionSettings(
        string settingName,
        string? accountName,
        Uri? blobEndpoint,
        Uri? queueEndpoint,
        Uri? tableEndpoint,
        StorageSharedKey? sharedKey,
        TokenCredential? credential)
    {
        SettingName = settingName;
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKey = sharedKey;
        Credential = credential;
    }

    /// <summary>The setting these came from (for messages).</summary>
    public string SettingName { get; }

    /// <summary>The account name; null for identity-based settings given only as service URIs.</summary>
    public string? AccountName { get; }

    /// <summary>The Blob endpoint, e.g. <c>https://acct.blob.core.windows.net</c> or Azurite's path-style
    /// <c>http://127.0.0.1:10000/devstoreaccount1</c>; null when the settings give none.</summary>
    public Uri? BlobEndpoint { get; }

    /// <summary>The Queue endpoint, or null.</summary>
    public Uri? QueueEndpoint { get; }

    /// <summary>The Table endpoint, or null.</summary>
    public Uri? TableEndpoint { get; }

    /// <summary>The Entra ID credential for identity-based settings; null when an account key is used.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>True when requests are signed with the account key (which also signs SAS URLs).</summary>
    public bool HasAccountKey => SharedKey is not null;

    internal StorageSharedKey? SharedKey { get; }

    /// <summary>The endpoint of <paramref name="service"/>; throws naming the setting when there is none.</summary>
    public Uri GetEndpoint(StorageService service)
    {
        var endpoint = service switch
        {
            StorageService.Blob => BlobEndpoint,
            StorageService.Queue => QueueEndpoint,
            StorageService.Table => TableEndpoint,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };
        return endpoint ?? throw new InvalidOperationException(
            $"{SettingName} gives no {service} endpoint: set {SettingName}__{service.ToString().ToLowerInvariant()}ServiceUri or {SettingName}__accountName.");
    }

    /// <summary>
    /// Reads the setting from configuration: the connection string <c>configuration[settingName]</c> when present,
    /// else the identity-based keys below it (<c>AzureWebJobsStorage__accountName</c> is
    /// <c>AzureWebJobsStorage:accountName</c> in <see cref="IConfiguration"/>).
    /// </summary>
    public static StorageConnectionSettings FromConfiguration(IConfiguration configuration, string settingName = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[settingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString, settingName);
        }

        var section = configuration.GetSection(settingName);
        var accountName = section["accountName"];
        var blob = ReadHttpsServiceUri(section, settingName, "blobServiceUri");
        var queue = ReadHttpsServiceUri(section, settingName, "queueServiceUri");
        var table = ReadHttpsServiceUri(section, settingName, "tableServiceUri");
        if (string.IsNullOrWhiteSpace(accountName) && blob is null && queue is null && table is null)
        {
            throw new InvalidOperationException(
                $"{settingName} is not set: give a connection string (or UseDevelopmentStorage=true), or the identity-based " +
                $"settings {settingName}__accountName or {settingName}__blobServiceUri / __queueServiceUri / __tableServiceUri.");
        }

        if (!string.IsNullOrWhiteSpace(accountName))
        {
            accountName = accountName.Trim();
            blob ??= new Uri($"https://{accountName}.blob.core.windows.net");
            queue ??= new Uri($"https://{accountName}.queue.core.windows.net");
            table ??= new Uri($"https://{accountName}.table.core.windows.net");
        }
        else
        {
            accountName = null;
        }

        var credential = CreateCredential(settingName, section["credential"], section["clientId"]);
        return new StorageConnectionSettings(settingName, accountName, blob, queue, table, sharedKey: null, credential);
    }

    /// <summary>Parses a Shared Key connection string or <c>UseDevelopmentStorage=true</c>.</summary>
    public static StorageConnectionSettings Parse(string connectionString, string settingName = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var values = SplitConnectionString(connectionString, settingName);

        if (values.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(settingName, "UseDevelopmentStorage must be 'true' when present.");
            }

            return new StorageConnectionSettings(
                settingName,
                AzuriteProcess.AccountName,
                new Uri($"{DevelopmentHost}:10000/{AzuriteProcess.AccountName}"),
                new Uri($"{DevelopmentHost}:10001/{AzuriteProcess.AccountName}"),
                new Uri($"{DevelopmentHost}:10002/{AzuriteProcess.AccountName}"),
                new StorageSharedKey(AzuriteProcess.AccountName, Convert.FromBase64String(AzuriteProcess.AccountKey)),
                credential: null);
        }

        if (values.ContainsKey("SharedAccessSignature"))
        {
            throw Invalid(settingName, "SharedAccessSignature connection strings are not supported; use AccountName and AccountKey, or the identity-based settings.");
        }

        if (!values.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw Invalid(settingName, "AccountName is missing.");
        }

        if (!values.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            throw Invalid(settingName, "AccountKey is missing.");
        }

        var key = new byte[accountKey.Length];
        if (!Convert.TryFromBase64String(accountKey, key, out var keyLength) || keyLength == 0)
        {
            throw Invalid(settingName, "AccountKey is not base64.");
        }

        var protocol = values.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw Invalid(settingName, "DefaultEndpointsProtocol must be http or https.");
        }

        var suffix = values.TryGetValue("EndpointSuffix", out var s) && s.Length > 0 ? s.Trim('.') : "core.windows.net";
        Uri Endpoint(string key, string service) => values.TryGetValue(key, out var explicitEndpoint)
            ? ParseEndpoint(settingName, key, explicitEndpoint)
            : ParseEndpoint(settingName, "EndpointSuffix", $"{protocol}://{accountName}.{service}.{suffix}");

        return new StorageConnectionSettings(
            settingName,
            accountName,
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"),
            new StorageSharedKey(accountName, key[..keyLength]),
            credential: null);
    }

    private static Dictionary<string, string> SplitConnectionString(string connectionString, string settingName)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var segment in connectionString.Split(';'))
        {
            position++;
            if (string.IsNullOrWhiteSpace(segment))
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Not echoed: a malformed segment may be part of a key.
                throw Invalid(settingName, $"part {position} is not name=value.");
            }

            values[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (values.Count == 0)
        {
            throw Invalid(settingName, "it is empty.");
        }

        return values;
    }

    private static Uri? ReadHttpsServiceUri(IConfigurationSection section, string settingName, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var uri = ParseEndpoint(settingName, "__" + key, value);
        return uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Invalid(settingName, $"__{key} must be https: Entra ID tokens are only sent over TLS.");
    }

    private static Uri ParseEndpoint(string settingName, string key, string value)
    {
        if (!Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw Invalid(settingName, $"{key} '{value}' is not an http(s) URL without a query.");
        }

        return uri;
    }

    private static TokenCredential CreateCredential(string settingName, string? credential, string? clientId)
    {
        var hasClientId = !string.IsNullOrWhiteSpace(clientId);
        if (string.IsNullOrWhiteSpace(credential))
        {
            // As the Functions host: without __credential, DefaultAzureCredential (managed identity in Azure).
            return hasClientId
                ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId!.Trim() })
                : new DefaultAzureCredential();
        }

        if (!string.Equals(credential.Trim(), "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(settingName, $"__credential '{credential}' is not supported; the only value is 'managedidentity'.");
        }

        return new ManagedIdentityCredential(hasClientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId!.Trim())
            : ManagedIdentityId.SystemAssigned);
    }

    private static InvalidOperationException Invalid(string settingName, string reason) =>
        new($"The {settingName} setting is invalid: {reason}");
}
