using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Accounts.Admission;
using FunctionsGateway.Core.Accounts.Quotas;
using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Configuration;
using FunctionsGateway.Core.Content;
using FunctionsGateway.Core.Content.Blocks;
using FunctionsGateway.Core.Decoo;
using FunctionsGateway.Core.Gw3;
using FunctionsGateway.Core.Ipfs;
using FunctionsGateway.Core.Mail;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Ipfs;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Core.Uploads.Direct;
using FunctionsGateway.Core.Uploads.Tus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core;

/// <summary>Registers everything in core that the handler uses.</summary>
public static class GatewayCoreServiceCollectionExtensions
{
    /// <summary>Storage clients, accounts, the upload pipeline, the backends and the IPFS services, with validated options.</summary>
    public static IServiceCollection AddGatewayCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddAzureStorage(configuration);

        services.AddOptions<StorageLayoutOptions>().Bind(configuration.GetSection(StorageLayoutOptions.SectionName)).ValidateOnStart(new StorageLayoutOptionsValidator(), StorageLayoutOptions.SectionName);
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.SectionName)).ValidateOnStart(new OperatorOptionsValidator(), OperatorOptions.SectionName);
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateOnStart(new UploadOptionsValidator(), UploadOptions.SectionName);
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName)).ValidateOnStart(new ContentOptionsValidator(), ContentOptions.SectionName);

        services.AddOptions<LargeUploadOptions>().Bind(configuration.GetSection(LargeUploadOptions.SectionName)).ValidateOnStart(new LargeUploadOptionsValidator(), LargeUploadOptions.SectionName);
        services.AddOptions<BackendOptions>().Bind(configuration.GetSection(BackendOptions.SectionName)).ValidateOnStart(new BackendOptionsValidator(), BackendOptions.SectionName);
        services.AddOptions<Gw3Options>().Bind(configuration.GetSection(Gw3Options.SectionName)).ValidateOnStart(new Gw3OptionsValidator(), Gw3Options.SectionName);
        services.AddOptions<DecooOptions>().Bind(configuration.GetSection(DecooOptions.SectionName)).ValidateOnStart(new DecooOptionsValidator(), DecooOptions.SectionName);
        services.AddOptions<PinOptions>().Bind(configuration.GetSection(PinOptions.SectionName)).ValidateOnStart(new PinOptionsValidator(), PinOptions.SectionName);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart(new RateLimitOptionsValidator(), RateLimitOptions.SectionName);
        services.AddOptions<QuotaOptions>().Bind(configuration.GetSection(QuotaOptions.SectionName)).ValidateOnStart(new QuotaOptionsValidator(), QuotaOptions.SectionName);

        services.AddMail(configuration);

        services.AddSingleton<StorageNames>();
        services.AddSingleton<StorageBootstrap>();
        services.AddSingleton<StorageHealthCheck>();

        services.AddSingleton<IdentityStore>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<BearerTokenScheme>();
        services.AddSingleton<OperatorKeyScheme>();
        services.AddMemoryCache();
        services.AddSingleton<Gw3KeyRing>();
        services.AddSingleton<Gw3AccessKeyScheme>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<IAdmissionCheck, RateLimitCheck>();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<IAdmissionCheck, QuotaCheck>();

        services.AddSingleton<BlockBlobWriter>();
        services.AddSingleton<FileIndex>();
        services.AddSingleton<CidIndex>();
        services.AddSingleton<BlobBlockStore>();
        services.AddSingleton<IContentHasherFactory, Sha256ContentHasherFactory>();
        services.AddSingleton<UploadPipeline>();
        services.AddSingleton<PushProcessor>();
        services.AddSingleton<TriggeredPushHandler>();
        services.AddSingleton<PushRequeuer>();
        services.AddSingleton<FileContentReader>();
        services.AddSingleton<UploadSessionStore>();
        services.AddSingleton<TusUploadService>();
        services.AddSingleton<DirectUploadService>();
        services.AddSingleton<IStorageBackend, LocalBackend>();
        services.AddIpfsBackend(configuration);
        services.AddMefsBackend(configuration);
        services.AddSingleton<StorageBackendRegistry>();
        services.AddIpfs();
        services.AddSingleton<Gw3ContentService>();
        services.AddSingleton<DecooKeyRing>();
        services.AddSingleton<DecooApiKeyScheme>();
        services.AddSingleton<DecooAccessTokenScheme>();
        services.AddSingleton<DecooRsaKeyStore>();
        services.AddSingleton<DecooPinService>();
        services.AddPinRequests();
        services.AddCessGateway(configuration);
        var underFunctionsHost = UnderFunctionsHost();
        services.AddHostedPushWorker(configuration, underFunctionsHost);
        services.AddHostedPinWorker(configuration, underFunctionsHost);
        services.AddMemo(configuration);
        return services;
    }

    // The Functions host tells the handler its worker id and app root (spec/azure.md §1.2); under it, queue messages
    // arrive through the queue triggers. FUNCTIONS_CUSTOMHANDLER_PORT alone does not tell: tests set it too.
    private static bool UnderFunctionsHost() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_APP_ROOT_PATH"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_WORKER_ID"));

    private static void AddPinRequests(this IServiceCollection services)
    {
        services.AddSingleton<PinRequestStore>();
        services.AddSingleton<PinRequestService>();
        services.AddSingleton<PinJobProcessor>();
        services.AddSingleton<TriggeredPinHandler>();
    }

    private static void AddHostedPinWorker(this IServiceCollection services, IConfiguration configuration, bool underFunctionsHost)
    {
        var pins = new PinOptions();
        configuration.GetSection(PinOptions.SectionName).Bind(pins);
        if (pins.Worker == PushWorkerMode.On || (pins.Worker == PushWorkerMode.Auto && !underFunctionsHost))
        {
            services.AddSingleton<HostedPinWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<HostedPinWorker>());
        }
    }

    private static void AddHostedPushWorker(this IServiceCollection services, IConfiguration configuration, bool underFunctionsHost)
    {
        var uploads = new UploadOptions();
        configuration.GetSection(UploadOptions.SectionName).Bind(uploads);
        var mode = uploads.PushWorker;
        if (mode == PushWorkerMode.On || (mode == PushWorkerMode.Auto && !underFunctionsHost))
        {
            services.AddSingleton<HostedPushWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<HostedPushWorker>());
        }
    }
}
