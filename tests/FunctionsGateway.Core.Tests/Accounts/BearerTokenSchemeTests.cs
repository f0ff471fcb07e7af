using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Core.Tests.Accounts;

[Collection(AzuriteCollection.Name)]
public sealed class BearerTokenSchemeTests(AzuriteFixture azurite)
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void NewToken_Format_PrefixAnd43Base64UrlCharacters()
    {
        var token = BearerTokenScheme.NewToken();
        Assert.Matches("^fgw_[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, BearerTokenScheme.NewToken());
    }

    [Fact]
    public async Task AuthenticateAsync_IssuedToken_PrincipalOfTheIdentity()
    {
        await using var services = Create();
        var identity = await services.GetRequiredService<IdentityStore>().CreateAsync("alice");
        var scheme = services.GetRequiredService<BearerTokenScheme>();
        var (credential, token) = await scheme.IssueAsync(identity.Id);

        var result = await scheme.AuthenticateAsync(Request("Bearer " + token));

        Assert.True(result.Succeeded);
        Assert.Equal(identity.Id, result.Principal!.IdentityId);
        Assert.Equal(credential.Id, result.Principal.CredentialId);
        var stored = await services.GetRequiredService<CredentialStore>().GetAsync(credential.Id);
        Assert.Equal(SecretHasher.Hash(token), stored!.SecretHash);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Theory]
    [InlineData(null, AuthFailure.Missing)]
    [InlineData("Basic abc", AuthFailure.Invalid)]
    [InlineData("Bearer fgw_short", AuthFailure.Invalid)]
    [InlineData("Bearer fgw_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", AuthFailure.Invalid)]
    public async Task AuthenticateAsync_NoValidToken_Failure(string? header, AuthFailure expected)
    {
        await using var services = Create();
        var result = await services.GetRequiredService<BearerTokenScheme>().AuthenticateAsync(Request(header));
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_RevokedToken_Revoked()
    {
        await using var services = Create();
        var identity = await services.GetRequiredService<IdentityStore>().CreateAsync("bob");
        var scheme = services.GetRequiredService<BearerTokenScheme>();
        var (credential, token) = await scheme.IssueAsync(identity.Id);

        Assert.True(await services.GetRequiredService<CredentialStore>().RevokeAsync(credential.Id));

        Assert.Equal(AuthFailure.Revoked, (await scheme.AuthenticateAsync(Request("Bearer " + token))).Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_PastExpiry_Expired()
    {
        await using var services = Create();
        var identity = await services.GetRequiredService<IdentityStore>().CreateAsync("carol");
        var scheme = services.GetRequiredService<BearerTokenScheme>();
        var (_, token) = await scheme.IssueAsync(identity.Id, _time.GetUtcNow().AddHours(1));
        Assert.True((await scheme.AuthenticateAsync(Request("Bearer " + token))).Succeeded);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(AuthFailure.Expired, (await scheme.AuthenticateAsync(Request("Bearer " + token))).Failure);
    }

    private ServiceProvider Create() => GatewayServices.Create(azurite, configure: s => s.UseTime(_time));

    private static HttpRequest Request(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context.Request;
    }
}
