using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Configuration;

/// <summary>
/// Wraps an options validator so that each failure names the setting an operator has to change, in both the
/// configuration form and the app-setting form: <c>Gateway:Uploads:BlockSizeBytes (Gateway__Uploads__BlockSizeBytes)
/// must be between 65536 and 104857600.</c> The source-generated validators word failures after the C# member
/// (<c>BlockSizeBytes: The field UploadOptions.BlockSizeBytes must be …</c>) and ignore a <c>[Range]</c>'s own
/// message, which says nothing about where the value comes from (environment, local.settings.json, Bicep).
/// </summary>
/// <typeparam name="TOptions">The options class bound from <paramref name="sectionName"/>.</typeparam>
internal sealed partial class SettingNamingValidator<TOptions>(IValidateOptions<TOptions> inner, string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The validator whose failures are reworded.</summary>
    public IValidateOptions<TOptions> Inner { get; } = inner;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = Inner.Validate(name, options);
        if (!result.Failed || result.Failures is null)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures.Select(Reword).ToList());
    }

    /// <summary>Rewords one failure; one that already names its section, or names no member, is kept as it is.</summary>
    internal string Reword(string failure)
    {
        var match = MemberPrefix().Match(failure);
        if (!match.Success || failure.Contains(sectionName, StringComparison.OrdinalIgnoreCase))
        {
            return failure;
        }

        // "Chain.Endpoint" is the nested member Gateway:Cess:Chain:Endpoint; "A, B" names two members: the first is enough.
        var member = match.Groups["member"].Value.Split(',')[0].Trim().Replace('.', ':');
        var setting = $"{sectionName}:{member}";
        var environmentName = setting.Replace(":", "__", StringComparison.Ordinal);
        var message = match.Groups["message"].Value.Trim();
        var generic = GeneratedWording().Match(message);
        return generic.Success
            ? $"{setting} ({environmentName}) {generic.Groups["rest"].Value}"
            : $"{setting} ({environmentName}): {message}";
    }

    // "Member: message" or "Member.Nested, Other: message", as DataAnnotations validation results are joined.
    [GeneratedRegex(@"^(?<member>[A-Za-z_][A-Za-z0-9_.]*(\s*,\s*[A-Za-z_][A-Za-z0-9_.]*)*):\s(?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex MemberPrefix();

    // DataAnnotations' default wordings: "The field Type.Member must be …", "The Type.Member field is required."
    [GeneratedRegex(@"^The (field \S+ |\S+ field )(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex GeneratedWording();
}
