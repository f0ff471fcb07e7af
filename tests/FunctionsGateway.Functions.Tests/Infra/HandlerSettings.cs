using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using FunctionsGateway.Core;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Infra;

/// <summary>
/// The app settings the handler reads, derived from its code rather than listed by hand, so that a setting
/// added later makes the infra test fail until infra/main.bicep names it.
/// </summary>
internal static partial class HandlerSettings
{
    /// <summary>The environment settings the Functions host or the platform sets for the handler process
    /// (spec/azure.md §1.2, §3.2): a deployment must never set them.</summary>
    public static readonly IReadOnlySet<string> ProvidedByTheHost = new HashSet<string>(StringComparer.Ordinal)
    {
        "FUNCTIONS_CUSTOMHANDLER_PORT",
        "FUNCTIONS_HTTPWORKER_PORT",
        "FUNCTIONS_CUSTOMHANDLER_WORKER_ID",
        "FUNCTIONS_HTTPWORKER_ID",
        "FUNCTIONS_APP_ROOT_PATH",
        "IDENTITY_ENDPOINT",
        "IDENTITY_HEADER",
    };

    /// <summary>The assemblies whose options classes the handler binds: core and the handler itself.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = [typeof(GatewayCoreServiceCollectionExtensions).Assembly, typeof(Program).Assembly];

    /// <summary>Every options class: a type with a <c>public const string SectionName</c>.</summary>
    public static IEnumerable<Type> OptionsTypes() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string));

    /// <summary>
    /// <c>Section__Property</c> for every public settable property of every options class (nested option
    /// objects expanded), as app settings spell configuration keys. Collections are named by their property;
    /// their items are <c>Name__0</c>, <c>Name__1</c>, ….
    /// </summary>
    public static IReadOnlyList<OptionSetting> FromOptions() =>
        OptionsTypes()
            .SelectMany(t => Expand(ToSettingName((string)t.GetField("SectionName")!.GetRawConstantValue()!), t))
            .DistinctBy(s => s.Name)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Environment settings named in string literals of the handler's source (core/ and functions/), e.g.
    /// <c>"FUNCTIONS_APP_ROOT_PATH"</c>: anything with a platform prefix in SCREAMING_SNAKE_CASE.
    /// </summary>
    public static IReadOnlyList<string> FromSourceLiterals() =>
        new[] { "core", "functions" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => EnvironmentLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// True for a setting that holds a secret, by the naming convention of infra/README.md: its last segment
    /// ends in Key, Secret, Password, Seed, Mnemonic, Token or Authorization (Gateway__Operator__Key, …__SendGridApiKey).
    /// </summary>
    public static bool IsSecret(string settingName) => SecretName().IsMatch(settingName.Split("__")[^1]);

    /// <summary><c>Gateway:Storage</c> → <c>Gateway__Storage</c>.</summary>
    public static string ToSettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<OptionSetting> Expand(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var name = $"{prefix}__{property.Name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(valueType))
            {
                yield return new OptionSetting(name, IsCollection: false);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                yield return new OptionSetting(name, IsCollection: true);
            }
            else
            {
                foreach (var nested in Expand(name, valueType))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    [GeneratedRegex("\"(?<name>(?:FUNCTIONS|AZURE|WEBSITE|APPLICATIONINSIGHTS|ASPNETCORE|DOTNET|IDENTITY|MSI)_[A-Z0-9_]+)\"")]
    private static partial Regex EnvironmentLiteral();

    [GeneratedRegex("(Key|Secret|Password|Seed|Mnemonic|Token|Authorization)$")]
    private static partial Regex SecretName();
}

/// <summary>One setting an options class reads.</summary>
internal sealed record OptionSetting(string Name, bool IsCollection);
