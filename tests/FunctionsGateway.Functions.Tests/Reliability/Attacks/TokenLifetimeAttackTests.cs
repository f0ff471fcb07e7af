using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Functions.Tests.Functions.Memo;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsGateway.Functions.Tests.Reliability.Attacks;

/// <summary>
/// MEMO access tokens the gateway itself issued and recorded, presented outside their lifetime or re-signed under
/// another algorithm: the claims and the algorithm are checked before the record, so each check is reached here.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class TokenLifetimeAttackTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MemoAccessToken_IssuedLaterThanNow_RefusedUntilItsIssueTimeThenAccepted()
    {
        var clock = new ManualTimeProvider(Now + TimeSpan.FromHours(1));
        await using var services = Services(clock);
        var tokens = services.GetRequiredService<MemoTokenService>();
        var token = await tokens.IssueAsync("identity-1", "0x00000000000000000000000000000000000000aa", false, MemoTokenClaims.AccessType);

        clock.Advance(-TimeSpan.FromHours(1));
        var early = await tokens.AuthenticateAsync("Bearer " + token, MemoTokenClaims.AccessType);
        clock.Advance(TimeSpan.FromHours(1));
        var onTime = await tokens.AuthenticateAsync("Bearer " + token, MemoTokenClaims.AccessType);

        Assert.Equal((false, AuthFailure.Invalid, MemoTokenService.InvalidToken), (early.Succeeded, early.Failure, early.Detail));
        Assert.True(onTime.Succeeded);
    }

    [Fact]
    public async Task MemoAccessToken_PastItsExpiry_RefusedAsExpired()
    {
        var clock = new ManualTimeProvider(Now);
        await using var services = Services(clock);
        var tokens = services.GetRequiredService<MemoTokenService>();
        var token = await tokens.IssueAsync("identity-1", "0x00000000000000000000000000000000000000aa", false, MemoTokenClaims.AccessType);

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(2));
        var late = await tokens.AuthenticateAsync("Bearer " + token, MemoTokenClaims.AccessType);

        Assert.Equal((false, AuthFailure.Expired), (late.Succeeded, late.Failure));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("none")]
    [InlineData("HS512")]
    public async Task MemoAccessToken_IssuedPayloadUnderAnotherAlgorithm_Refused(string algorithm)
    {
        var clock = new ManualTimeProvider(Now);
        await using var services = Services(clock);
        var tokens = services.GetRequiredService<MemoTokenService>();
        var payload = (await tokens.IssueAsync("identity-1", "0x00000000000000000000000000000000000000aa", false, MemoTokenClaims.AccessType)).Split('.')[1];
        var key = Convert.FromHexString(MemoGatewayFixture.JwtKey);

        // RS/HS confusion: the MAC keyed with what a confused verifier would take as the RSA public key (here the only key there is).
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{algorithm}}","typ":"JWT"}""")) + "." + payload;
        var mac = algorithm switch
        {
            "none" => [],
            "HS512" => HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(signingInput)),
            _ => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)),
        };
        var result = await tokens.AuthenticateAsync("Bearer " + signingInput + "." + Base64Url.EncodeToString(mac), MemoTokenClaims.AccessType);

        Assert.Equal((false, AuthFailure.Invalid), (result.Succeeded, result.Failure));
    }

    private ServiceProvider Services(TimeProvider clock) => GatewayServices.Create(
        azurite,
        new Dictionary<string, string?> { ["Gateway:Memo:JwtSigningKey"] = MemoGatewayFixture.JwtKey },
        services => services.UseTime(clock));
}
