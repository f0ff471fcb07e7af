using System.Text.RegularExpressions;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Configuration;

namespace FunctionsGateway.Functions.Tests.Infra;

/// <summary>
/// What can be checked of infra/ without a Bicep compiler (spec/azure.md §2.8): every setting the handler reads
/// is set, no secret is written in the files, every container, table and queue the code names is created, and the
/// identity the app runs as holds the storage and Key Vault roles. The text conventions these checks rely on are
/// listed in infra/README.md ("What the infra test checks") and in <see cref="BicepFile"/>.
/// </summary>
public sealed partial class BicepTemplateTests
{
    private static readonly BicepFile Main = BicepFile.Load("infra/main.bicep");
    private static readonly BicepFile Parameters = BicepFile.Load("infra/main.bicepparam");
    private static readonly BicepFile Storage = BicepFile.Load("infra/modules/storage.bicep");
    private static readonly BicepFile KeyVault = BicepFile.Load("infra/modules/keyVault.bicep");
    private static readonly BicepFile Roles = BicepFile.Load("infra/modules/roleAssignments.bicep");
    private static readonly BicepFile FunctionApp = BicepFile.Load("infra/modules/functionApp.bicep");

    /// <summary>Settings the Flex Consumption plan rejects or ignores (spec/azure.md §2.2), and the key-based host storage setting.</summary>
    private static readonly string[] NeverSet =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "SCM_DO_BUILD_DURING_DEPLOYMENT",
        "ENABLE_ORYX_BUILD", "WEBSITE_TIME_ZONE", "AzureWebJobsStorage",
    ];

    [Fact]
    public void FromOptions_CoreAndHandlerAssemblies_FindsEveryOptionsClassAndItsSettings()
    {
        var types = HandlerSettings.OptionsTypes().ToList();
        var settings = HandlerSettings.FromOptions().Select(s => s.Name).ToList();

        Assert.Contains(typeof(OperatorOptions), types);
        Assert.Contains(typeof(UploadOptions), types);
        Assert.Contains(typeof(HandlerOptions), types);
        Assert.Contains("Gateway__Operator__Key", settings);
        Assert.Contains("Gateway__Storage__ResourcePrefix", settings);
        Assert.Contains("Gateway__Storage__NetworkTimeout", settings);
        Assert.Contains("Gateway__Http__MaxRequestBodyBytes", settings);
        Assert.True(HandlerSettings.IsSecret("Gateway__Operator__Key"));
        Assert.False(HandlerSettings.IsSecret("Gateway__Uploads__PushVisibilityTimeout"));
    }

    [Fact]
    public void MainBicep_EverySettingTheOptionsClassesRead_IsSet()
    {
        var declared = AppSettings();

        var missing = HandlerSettings.FromOptions()
            .Where(s => !declared.Contains(s.Name) && !(s.IsCollection && declared.Any(d => d.StartsWith(s.Name + "__", StringComparison.Ordinal))))
            .Select(s => s.Name)
            .ToList();

        Assert.True(missing.Count == 0,
            $"infra/main.bicep does not set {string.Join(", ", missing)}. Add each to gatewaySettingsType, or, if it " +
            "holds a secret, to secretValues with a @secure() param (infra/README.md, \"What the infra test checks\").");
    }

    [Fact]
    public void MainBicep_SecretSettings_OnlyReachTheAppAsKeyVaultReferences()
    {
        var secretValues = Main.Block(@"^var\s+secretValues\s*=");
        var secretSettings = BicepFile.ObjectKeys(secretValues);
        var secureParams = Main.Params().Where(p => p.IsSecure).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        // Every secret the options read is in secretValues, and secretValues holds only secrets.
        Assert.All(HandlerSettings.FromOptions().Where(s => HandlerSettings.IsSecret(s.Name)), s => Assert.Contains(s.Name, secretSettings));
        Assert.All(secretSettings, s => Assert.True(HandlerSettings.IsSecret(s), $"{s} in secretValues is not named as a secret."));

        // Each value is a @secure() param, used nowhere else; no secret setting is set anywhere else.
        foreach (Match entry in SettingAssignment().Matches(secretValues))
        {
            Assert.Contains(entry.Groups["value"].Value, secureParams);
        }

        Assert.All(secureParams, p => Assert.True(
            Regex.Count(Main.Code, $@"\b{p}\b") == 2 && Regex.IsMatch(secretValues, $@":\s*{p}\b"),
            $"The secure param {p} must be used only in secretValues."));
        var elsewhere = BicepFile.ObjectKeys(Main.Code.Replace(secretValues, "", StringComparison.Ordinal)).Where(IsSettingName).Where(HandlerSettings.IsSecret);
        Assert.Empty(elsewhere);

        // The app gets references to the vault; the vault module takes the values as a secure object.
        Assert.Contains("'@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${replace(setting, '__', '--')}/)'", Main.Code, StringComparison.Ordinal);
        Assert.Matches(@"appSettings:\s*union\([^)]*\bsecretReferences\b", Main.Code);
        Assert.Contains(KeyVault.Params(), p => p is { Name: "secretValues", IsSecure: true });
        Assert.Contains("name: replace(secret.key, '__', '--')", KeyVault.Code, StringComparison.Ordinal);
        Assert.Contains("enableRbacAuthorization: true", KeyVault.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void InfraFiles_NoKeyConnectionStringOrSecretValue()
    {
        foreach (var file in BicepFile.All())
        {
            foreach (var forbidden in new[] { "AccountKey=", "SharedAccessSignature", "sig=", "DefaultEndpointsProtocol=", "UseDevelopmentStorage", "InstrumentationKey=", "-----BEGIN", "listKeys", "listSecrets", "listConnectionStrings" })
            {
                Assert.False(file.Text.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"{file.RelativePath} contains '{forbidden}'.");
            }

            // Nothing that looks like a key or token: long opaque literals other than GUIDs (role definition ids).
            foreach (Match literal in OpaqueLiteral().Matches(file.Code))
            {
                Assert.True(Guid.TryParse(literal.Groups["value"].Value, out _), $"{file.RelativePath} has a literal that looks like a key: {literal.Value}.");
            }

            // Params named like secrets are @secure(); secure params have no default but ''.
            foreach (var param in file.Params())
            {
                Assert.False(HandlerSettings.IsSecret(param.Name) && !param.IsSecure && file.RelativePath.EndsWith(".bicep", StringComparison.Ordinal),
                    $"{file.RelativePath}: param {param.Name} holds a secret and must be @secure().");
                Assert.False(param.IsSecure && param.Declaration.Contains('=', StringComparison.Ordinal) && !param.Declaration.EndsWith("= ''", StringComparison.Ordinal),
                    $"{file.RelativePath}: the secure param {param.Name} has a default value.");
            }

            // No output carries a secure value.
            var secure = file.Params().Where(p => p.IsSecure).Select(p => p.Name).ToList();
            foreach (var output in file.Code.Split('\n').Where(l => l.TrimStart().StartsWith("output ", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(secure, p => Regex.IsMatch(output, $@"\b{p}\b"));
                Assert.DoesNotContain("secretValues", output, StringComparison.Ordinal);
            }
        }

        // The parameters file reads every secret from the environment of the deploying shell.
        foreach (var param in Main.Params().Where(p => p.IsSecure))
        {
            Assert.Matches($@"(?m)^param\s+{param.Name}\s*=\s*readEnvironmentVariable\('GATEWAY_[A-Z0-9_]+'(, '')?\)\s*$", Parameters.Code);
        }
    }

    [Fact]
    public void MainBicep_HostStorage_IsIdentityBasedAndTheHandlerReadsIt()
    {
        var declared = AppSettings();
        Assert.All(NeverSet, s => Assert.DoesNotContain(s, BicepFile.All().SelectMany(f => f.ObjectKeys())));
        Assert.Contains("AzureWebJobsStorage__accountName", declared);
        Assert.Contains("AzureWebJobsStorage__clientId: identity.properties.clientId", Main.Code, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__credential: 'managedidentity'", Main.Code, StringComparison.Ordinal);

        // The handler builds its storage clients from exactly these settings: no key, an Entra ID credential.
        var storageSettings = declared.Where(s => s.StartsWith(StorageConnectionSettings.DefaultSettingName + "__", StringComparison.Ordinal))
            .ToDictionary(s => HandlerSettingsKey(s), s => (string?)SampleValue(s));
        var settings = StorageConnectionSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(storageSettings).Build());
        Assert.False(settings.HasAccountKey);
        Assert.NotNull(settings.Credential);
        Assert.Equal(new Uri("https://stfgsample.table.core.windows.net"), settings.GetEndpoint(StorageService.Table));
    }

    [Fact]
    public void MainBicep_PlatformSettingsTheHandlerReads_SetUnlessTheHostProvidesThem()
    {
        var declared = AppSettings();

        foreach (var setting in HandlerSettings.FromSourceLiterals())
        {
            if (HandlerSettings.ProvidedByTheHost.Contains(setting))
            {
                Assert.False(declared.Contains(setting), $"{setting} is the Functions host's to set; infra/main.bicep must not.");
            }
            else
            {
                Assert.True(declared.Contains(setting), $"The handler reads {setting}; infra/main.bicep does not set it.");
            }
        }

        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", HandlerSettings.FromSourceLiterals());
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", declared);
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", declared);
    }

    [Fact]
    public void MainBicep_AppSettingsTheFunctionFoldersName_AreSet()
    {
        var declared = AppSettings();
        var folders = Directory.EnumerateFiles(HandlerBuildOutput.Directory, FunctionJsonWriter.FileName, SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(folders);

        var expressions = folders.SelectMany(f => AppSettingExpression().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);

        Assert.All(expressions, e => Assert.True(declared.Contains(e), $"A function.json names %{e}%, which infra/main.bicep does not set."));
        Assert.Contains("Gateway__Storage__ResourcePrefix: resourcePrefix", Main.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageBicep_ContainersTablesQueues_AreThoseStorageNamesNames()
    {
        var names = new StorageNames("");

        Assert.Equal(names.Containers.Order(StringComparer.Ordinal), Storage.StringList("containers").Order(StringComparer.Ordinal));
        Assert.Equal(names.Tables.Order(StringComparer.Ordinal), Storage.StringList("tables").Order(StringComparer.Ordinal));
        Assert.Equal(names.Queues.Order(StringComparer.Ordinal), Storage.StringList("queues").Order(StringComparer.Ordinal));
        foreach (var list in new[] { "containers", "tables", "queues" })
        {
            Assert.Matches($@"\[for (?<item>\w+) in {list}:\s*\{{[^}}]*name:\s*'\$\{{resourcePrefix\}}\$\{{\k<item>\}}'", Storage.Code);
        }

        // The lifecycle rule expires what is left in the staging container, and no key reaches storage.
        Assert.Contains($"var stagingContainer = '${{resourcePrefix}}{names.StagingContainer}'", Storage.Code, StringComparison.Ordinal);
        Assert.Matches(@"prefixMatch:\s*\[\s*'\$\{stagingContainer\}/'\s*\]", Storage.Code);
        Assert.Contains("daysAfterModificationGreaterThan: stagingRetentionDays", Storage.Code, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", Storage.Code, StringComparison.Ordinal);
        Assert.Contains("resourcePrefix: resourcePrefix", Main.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignmentsBicep_TheAppIdentity_HoldsBlobQueueTableAndKeyVaultRoles()
    {
        // Built-in role definition ids (spec/azure.md §2.6).
        var roleIds = RoleDefinition().Matches(Roles.Block(@"^var\s+roles\s*=")).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["id"].Value);
        Assert.Equal("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roleIds["storageBlobDataOwner"]);
        Assert.Equal("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roleIds["storageQueueDataContributor"]);
        Assert.Equal("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", roleIds["storageTableDataContributor"]);
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", roleIds["keyVaultSecretsUser"]);

        // Storage roles on the account, Secrets User on the vault, all for the one principal the module is given.
        var storageRoles = Roles.Block(@"^var\s+storageRoles\s*=");
        Assert.All(new[] { "storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor" }, r => Assert.Contains($"roles.{r}", storageRoles, StringComparison.Ordinal));
        Assert.Matches(@"\[for roleId in storageRoles:\s*\{[^}]*scope:\s*storage\b", Roles.Code);
        Assert.Matches(@"resource keyVaultSecretsUser '[^']+' = \{[^}]*scope:\s*vault\b", Roles.Code);
        Assert.Matches(@"roleDefinitions', roles\.keyVaultSecretsUser\)", Roles.Code);
        Assert.Equal(Regex.Count(Roles.Code, @"Microsoft\.Authorization/roleAssignments@"), Regex.Count(Roles.Code, @"principalId:\s*principalId\b"));

        // That principal is the identity the app runs as, reads storage with and resolves Key Vault references with.
        Assert.Matches(@"module roles '[^']+' = \{[^}]*principalId:\s*identity\.properties\.principalId\b", Main.Code);
        Assert.Matches(@"module functionApp '[^']+' = \{[^}]*identityId:\s*identity\.id\b", Main.Code);
        Assert.Contains("AzureWebJobsStorage__clientId: identity.properties.clientId", Main.Code, StringComparison.Ordinal);
        Assert.Contains("'${identityId}': {}", FunctionApp.Code, StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", FunctionApp.Code, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentityResourceId: identityId", FunctionApp.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppBicep_Site_FlexConsumptionCustomRuntimeHttpsOnly()
    {
        Assert.Matches(@"name:\s*'FC1'\s*tier:\s*'FlexConsumption'", FunctionApp.Code);
        Assert.Matches(@"runtime:\s*\{\s*name:\s*'custom'\s*version:\s*'1\.0'\s*\}", FunctionApp.Code);
        Assert.Contains("httpsOnly: true", FunctionApp.Code, StringComparison.Ordinal);
        Assert.Contains("type: 'blobContainer'", FunctionApp.Code, StringComparison.Ordinal);
        Assert.Matches(@"output functionAppUrl string", Main.Code);
    }

    [Fact]
    public void InfraFiles_Modules_AreLocalFilesNotRegistryModules()
    {
        foreach (var file in BicepFile.All())
        {
            foreach (Match module in ModuleReference().Matches(file.Code))
            {
                var path = module.Groups["path"].Value;
                Assert.False(path.Contains(':', StringComparison.Ordinal), $"{file.RelativePath}: module '{path}' needs a registry.");
                Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, Path.GetDirectoryName(file.RelativePath)!, path)), $"{file.RelativePath}: module '{path}' does not exist.");
            }
        }
    }

    /// <summary>The app-setting names main.bicep sets: object keys that look like settings.</summary>
    private static HashSet<string> AppSettings() => Main.ObjectKeys().Where(IsSettingName).ToHashSet(StringComparer.Ordinal);

    /// <summary><c>Section__Key</c> or SCREAMING_SNAKE_CASE.</summary>
    private static bool IsSettingName(string key) => key.Contains("__", StringComparison.Ordinal) || ScreamingSnakeCase().IsMatch(key);

    /// <summary><c>AzureWebJobsStorage__accountName</c> → <c>AzureWebJobsStorage:accountName</c>.</summary>
    private static string HandlerSettingsKey(string setting) => setting.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>A value of the shape Azure gives the identity-based storage settings.</summary>
    private static string SampleValue(string setting)
    {
        var key = setting.Split("__")[^1];
        var match = Regex.Match(Main.Code, $@"^\s*{setting}:\s*'(?<literal>[^']*)'\s*$", RegexOptions.Multiline);
        return match.Success ? match.Groups["literal"].Value
            : key.EndsWith("ServiceUri", StringComparison.Ordinal) ? $"https://stfgsample.{key[..^"ServiceUri".Length]}.core.windows.net/"
            : key == "clientId" ? Guid.Empty.ToString()
            : "stfgsample";
    }

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_]*):\s*(?<value>[A-Za-z_][A-Za-z0-9_]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex SettingAssignment();

    /// <summary>A quoted run of 32+ key-alphabet characters with letters and digits (names in SCREAMING_SNAKE_CASE have no digits).</summary>
    [GeneratedRegex(@"'(?<value>(?=[^']*[0-9])(?=[^']*[A-Za-z])[A-Za-z0-9+/=_\-]{32,})'")]
    private static partial Regex OpaqueLiteral();

    [GeneratedRegex(@"%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingExpression();

    [GeneratedRegex(@"(?<name>\w+):\s*'(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex ScreamingSnakeCase();
}
