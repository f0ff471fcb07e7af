using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>The registered backends by name, and the configured default.</summary>
public sealed class StorageBackendRegistry
{
    private readonly Dictionary<string, IStorageBackend> _backends;

    public StorageBackendRegistry(IEnumerable<IStorageBackend> backends, IOptions<BackendOptions> options)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(options);
        _backends = backends.ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
        if (!_backends.TryGetValue(options.Value.Default, out var fallback))
        {
            throw new OptionsValidationException(
                BackendOptions.SectionName,
                typeof(BackendOptions),
                [$"Gateway:Backend:Default is '{options.Value.Default}', which is not one of: {string.Join(", ", _backends.Keys)}."]);
        }

        Default = fallback;
    }

    public IStorageBackend Default { get; }

    /// <summary>The names of the registered backends.</summary>
    public IReadOnlyCollection<string> Names => _backends.Keys;

    /// <summary>The backend called <paramref name="name"/>, or null.</summary>
    public IStorageBackend? Find(string name) => _backends.GetValueOrDefault(name);

    /// <summary>The backend a request names, or the default when it names none.</summary>
    /// <exception cref="UnknownBackendException">No backend has that name; the message lists those that exist.</exception>
    public IStorageBackend Resolve(string? name) =>
        name is null ? Default : Find(name) ?? throw new UnknownBackendException(name, Names);
}
