namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>A request named a backend that is not configured; the message names the configured ones.</summary>
public sealed class UnknownBackendException : Exception
{
    public UnknownBackendException(string backend, IEnumerable<string> configured)
        : base($"Unknown backend '{backend}'; the configured backends are: {string.Join(", ", configured ?? [])}.")
    {
        Backend = backend;
    }

    public UnknownBackendException()
        : this("", [])
    {
    }

    public UnknownBackendException(string message)
        : base(message)
    {
        Backend = "";
    }

    public UnknownBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
        Backend = "";
    }

    /// <summary>The name the request gave.</summary>
    public string Backend { get; }
}
