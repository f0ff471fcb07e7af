using System.Text;

namespace FunctionsGateway.Core.Storage;

/// <summary>
/// Makes arbitrary text safe as a PartitionKey/RowKey: the service forbids <c>/ \ # ?</c> and control
/// characters in keys (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model).
/// Such text is stored as URL-safe base64 behind a <c>~</c> marker; safe text is kept as it is.
/// </summary>
public static class TableKeys
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length is > 0 and <= 512 && !value.StartsWith('~') && value.All(c => c is not ('/' or '\\' or '#' or '?' or '\'') && !char.IsControl(c));
        return safe ? value : "~" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    /// <summary>An OData string literal: single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
