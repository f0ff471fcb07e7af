using Amazon.S3;
using FunctionsGateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends.Mefs;

/// <summary>Registers the <c>mefs</c> backend (spec/compat.md §2.8) when MEFS's S3 gateway is configured.</summary>
public static class MefsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="MefsOptions"/> (section <c>Gateway:Mefs</c>). When
    /// <c>Gateway:Mefs:Endpoint</c> is set, also registers the S3 client (a keyed singleton, key <c>mefs</c>),
    /// the default <see cref="IMefsObjectPlacement"/> (unless one is registered) and <see cref="MefsBackend"/> as
    /// an <see cref="Backends.IStorageBackend"/>, so that <c>Gateway:Backend:Default=mefs</c> or an upload naming
    /// <c>mefs</c> reaches it.
    /// </summary>
    public static IServiceCollection AddMefsBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MefsOptions.SectionName);
        services.AddOptions<MefsOptions>().Bind(section).ValidateOnStart(new MefsOptionsValidator(), MefsOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(MefsOptions.Endpoint)]))
        {
            return services;
        }

        services.TryAddKeyedSingleton<IAmazonS3>(
            MefsBackend.BackendName,
            (sp, _) => MefsS3ClientFactory.Create(sp.GetRequiredService<IOptions<MefsOptions>>().Value));
        services.TryAddSingleton<IMefsObjectPlacement, OwnerObjectPlacement>();
        services.AddSingleton<Backends.IStorageBackend, MefsBackend>();
        return services;
    }
}
