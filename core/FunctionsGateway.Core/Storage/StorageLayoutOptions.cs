using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Storage;

/// <summary>Names of the gateway's own containers, tables and queues (DESIGN.md §5).</summary>
public sealed class StorageLayoutOptions
{
    public const string SectionName = "Gateway:Storage";

    /// <summary>
    /// Prepended to every container, table and queue name so that several gateways (or test runs) can share
    /// one account. Lowercase letters and digits, starting with a letter, at most 16; default empty.
    /// </summary>
    [RegularExpression("^([a-z][a-z0-9]{0,15})?$", ErrorMessage = "Gateway:Storage:ResourcePrefix must be lowercase letters and digits, start with a letter, at most 16 characters.")]
    public string ResourcePrefix { get; set; } = "";
}
