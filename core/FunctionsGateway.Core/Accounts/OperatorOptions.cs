using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Accounts;

/// <summary>The operator API's key (DESIGN.md §6), setting <c>Gateway__Operator__Key</c>.</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Gateway:Operator";

    /// <summary>
    /// The value operators send in <c>X-Operator-Key</c>. Required, at least 16 characters; no default.
    /// <c>dev-operator-key</c> in local.settings.example.json is for development only.
    /// </summary>
    [Required(ErrorMessage = "Gateway:Operator:Key (Gateway__Operator__Key) is required.")]
    [StringLength(4096, MinimumLength = 16, ErrorMessage = "Gateway:Operator:Key (Gateway__Operator__Key) must be at least 16 characters.")]
    public string Key { get; set; } = "";
}
