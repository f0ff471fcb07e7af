using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests;

/// <summary>
/// One <see cref="GatewayApplication"/> (push worker on) for all the tests of a class, with one user client: for
/// theories whose cases only read or add content of their own, so that each case does not pay for a start-up.
/// A class fixture: it takes the collection's Azurite.
/// </summary>
public sealed class SharedGatewayApplication(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Dictionary<string, Task<object>> _memo = new(StringComparer.Ordinal);
    private GatewayApplication? _app;
    private HttpClient? _user;

    public GatewayApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client with a bearer token of the fixture's one identity.</summary>
    public HttpClient User => _user ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// The result of <paramref name="create"/>, computed once per class under <paramref name="key"/>: content that
    /// several cases of a theory read without changing it. xunit runs a class's tests one at a time.
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!_memo.TryGetValue(key, out var task))
        {
            task = _memo[key] = Run();
        }

        return (T)await task;

        async Task<object> Run() => (await create())!;
    }

    public async Task InitializeAsync()
    {
        _app = new GatewayApplication(azurite);
        (_user, _, _) = await _app.CreateUserClientAsync("shared");
    }

    public async Task DisposeAsync()
    {
        _user?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
