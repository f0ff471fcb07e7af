using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Configuration;

/// <summary>The one way the gateway validates an options class (DESIGN.md §8: validated at start, naming the setting).</summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Validates the options on start with <paramref name="validator"/> (a source-generated <c>[OptionsValidator]</c>)
    /// and words each failure after the setting under <paramref name="sectionName"/>
    /// (<see cref="SettingNamingValidator{TOptions}"/>). The binding stays at the call site, where the configuration
    /// binder's source generator can see the concrete type. Registering the same options twice is harmless.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateOnStart<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this OptionsBuilder<TOptions> builder, IValidateOptions<TOptions> validator, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);

        if (!builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is SettingNamingValidator<TOptions>))
        {
            builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SettingNamingValidator<TOptions>(validator, sectionName));
        }

        return builder.ValidateOnStart();
    }
}
