using System.Globalization;

namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>
/// A table entity: keys, ETag, timestamp and typed properties. Property values are one of
/// <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <c>byte[]</c>, which map to the Edm types of
/// https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations.
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The ETag the service returned with this entity, if any.</summary>
    public string? ETag { get; set; }

    /// <summary>The service's Timestamp, if returned.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The custom properties (not the keys nor Timestamp).</summary>
    public IReadOnlyDictionary<string, object?> Properties => _properties;

    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var v) ? v : null;
        set => _properties[name] = value;
    }

    public bool Remove(string name) => _properties.Remove(name);

    public string? GetString(string name) => this[name] as string;

    public long? GetInt64(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    public int? GetInt32(string name) => this[name] switch
    {
        int i => i,
        long l => checked((int)l),
        _ => null,
    };

    public bool? GetBoolean(string name) => this[name] as bool?;

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) => p,
        _ => null,
    };

    public byte[]? GetBinary(string name) => this[name] as byte[];
}
