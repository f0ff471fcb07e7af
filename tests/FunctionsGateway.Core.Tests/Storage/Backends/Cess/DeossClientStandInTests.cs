using System.Security.Cryptography;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Extrinsics;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Backends.Cess;
using FunctionsGateway.Core.Tests.Content.Cess;
using FunctionsGateway.Testing;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Cess;

/// <summary>
/// The DeOSS client against <see cref="DeossStandIn"/>, a stand-in for DeOSS (which cannot be built here) that checks
/// every identity header, verifies the sr25519 signature, and computes the fid on its own.
/// </summary>
public sealed class DeossClientStandInTests
{
    private static readonly Sr25519Signer Signer = Sr25519Signer.FromMiniSecret(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task UploadAsync_DeossStandIn_SendsSignedHeadersAndReceivesTheFid()
    {
        await using var deoss = await DeossStandIn.StartAsync();

        var fid = await Client(deoss).UploadAsync(new MemoryStream("hello"u8.ToArray()), 5, "hello.txt", "photos", Signer);

        Assert.Equal(CessFidTestVectors.HelloFid, fid);
        Assert.Empty(deoss.Problems);
        Assert.Equal((Ss58Address.Encode(Signer.AccountId, Ss58Address.CessPrefix), "photos", "hello.txt"), Assert.Single(deoss.Uploads));
        Assert.Equal("hello"u8.ToArray(), deoss.Files[fid]);
    }

    [Fact]
    public async Task DownloadAsync_DeossStandIn_StreamsTheFileOrARangeAndNullWhenNotFound()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        var client = Client(deoss);
        var content = RandomNumberGenerator.GetBytes(100_000);
        var fid = await client.UploadAsync(new MemoryStream(content), content.Length, "random.bin", "photos", Signer);

        await using (var whole = await client.DownloadAsync(fid, null))
        {
            Assert.Equal(content, await ReadAllAsync(whole!.Content));
        }

        await using (var part = await client.DownloadAsync(fid, new BlobRange(1000, 500)))
        {
            Assert.Equal(content.AsSpan(1000, 500).ToArray(), await ReadAllAsync(part!.Content));
        }

        Assert.Null(await client.DownloadAsync(new string('0', 64), null));
    }

    [Fact]
    public async Task DeleteAsync_DeossStandIn_RemovesTheFile()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        var client = Client(deoss);
        var fid = await client.UploadAsync(new MemoryStream("hello"u8.ToArray()), 5, "hello.txt", "photos", Signer);

        await client.DeleteAsync(fid, Signer);

        Assert.Empty(deoss.Files);
        Assert.Empty(deoss.Problems);
    }

    [Fact]
    public async Task UploadAsync_DeossStandInSeesAnExpiredMessage_ThrowsNoPermission()
    {
        await using var deoss = await DeossStandIn.StartAsync();
        var late = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)); // the client's clock an hour behind

        var error = await Assert.ThrowsAsync<DeossException>(() => Client(deoss, late).UploadAsync(new MemoryStream("hello"u8.ToArray()), 5, "hello.txt", "photos", Signer));

        Assert.Equal(403, error.Code);
        Assert.Contains("is not in the next hour", Assert.Single(deoss.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a-name-of-more-than-sixty-three-bytes-which-deoss-refuses-to-store.txt")]
    public void FileNameFor_NameDeossRefuses_NamesTheFileByItsFid(string name)
    {
        var fileName = DeossClient.FileNameFor(name, CessFidTestVectors.HelloFid);

        Assert.Equal("file-c1f6e523054d3585" + Path.GetExtension(name), fileName);
    }

    [Fact]
    public async Task UploadAsync_DeossUnreachable_ThrowsWithCodeZero()
    {
        var client = new DeossClient(new HttpClient(), Options.Create(new DeossOptions { Endpoint = $"http://127.0.0.1:{FreePorts.Next()}" }), TimeProvider.System);

        var error = await Assert.ThrowsAsync<DeossException>(() => client.UploadAsync(new MemoryStream("hello"u8.ToArray()), 5, "hello.txt", "photos", Signer));

        Assert.Equal(0, error.Code);
    }

    [Fact]
    public async Task UploadAsync_Ed25519Signer_IsRefusedBeforeSending()
    {
        await using var deoss = await DeossStandIn.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(deoss).UploadAsync(new MemoryStream("hello"u8.ToArray()), 5, "hello.txt", "photos", Ed25519Signer.FromSeed(new byte[32])));
        Assert.Empty(deoss.Uploads);
    }

    private static DeossClient Client(DeossStandIn deoss, TimeProvider? time = null) =>
        new(new HttpClient(), Options.Create(new DeossOptions { Endpoint = deoss.BaseAddress.ToString() }), time ?? TimeProvider.System);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
