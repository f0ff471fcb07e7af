using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace FunctionsGateway.Functions.Tests.Hosting;

/// <summary>An in-memory logger provider for tests: every line at every level with its state and its scopes.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            var scopeTexts = new List<string>();
            provider._scopes.ForEachScope(
                (scope, _) =>
                {
                    scopeTexts.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        scopes.AddRange(pairs);
                    }
                },
                (object?)null);
            var values = state is IEnumerable<KeyValuePair<string, object?>> properties ? properties.ToList() : [];
            provider.Logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), values, scopes, scopeTexts, exception?.ToString()));
        }
    }
}

/// <summary>One captured line.</summary>
internal sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> State,
    IReadOnlyList<KeyValuePair<string, object?>> Scopes,
    IReadOnlyList<string> ScopeTexts,
    string? Exception)
{
    /// <summary>The scope value named <paramref name="name"/> (innermost last), or null.</summary>
    public object? Scope(string name) => Scopes.LastOrDefault(p => p.Key == name).Value;

    /// <summary>Everything a sink could write of this line.</summary>
    public string AllText() =>
        string.Join('\n', [Category, Message, Exception ?? "", .. State.Select(p => $"{p.Key}={p.Value}"), .. Scopes.Select(p => $"{p.Key}={p.Value}"), .. ScopeTexts]);
}
