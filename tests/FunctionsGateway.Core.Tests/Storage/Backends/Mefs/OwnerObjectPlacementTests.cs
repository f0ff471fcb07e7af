using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Tests.Storage.Backends.Mefs;

[Collection(AzuriteCollection.Name)]
public sealed class OwnerObjectPlacementTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PlaceAsync_IdentityWithMemoAddress_AddressBucketAndIdSlashNameKey()
    {
        await using var services = GatewayServices.Create(azurite);
        var owner = await IdentityWithHandleAsync(services, "memo", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        var placed = await Placement(services).PlaceAsync(File(owner, "photo.png"));

        Assert.Equal(new MefsObjectLocation("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", FileId + "/photo.png"), placed);
    }

    [Fact]
    public async Task PlaceAsync_IdentityWithoutAddress_PrefixedIdentityBucket()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Mefs:BucketPrefix"] = "gw-" });
        var owner = await IdentityWithHandleAsync(services, "email", "someone@example.com");

        var placed = await Placement(services).PlaceAsync(File(owner, "a.txt"));

        Assert.Equal("gw-" + owner, placed.Bucket);
    }

    [Fact]
    public async Task PlaceAsync_OtherHandleScheme_ThatSchemesAddress()
    {
        await using var services = GatewayServices.Create(azurite, new Dictionary<string, string?> { ["Gateway:Mefs:AddressHandleScheme"] = "eth" });
        var owner = await IdentityWithHandleAsync(services, "eth", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

        var placed = await Placement(services).PlaceAsync(File(owner, "a.txt"));

        Assert.Equal("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", placed.Bucket);
    }

    [Fact]
    public async Task PlaceAsync_NameTooLongForAKey_KeyIsTheFileId()
    {
        await using var services = GatewayServices.Create(azurite);

        var placed = await Placement(services).PlaceAsync(File("owner", new string('€', 400)));

        Assert.Equal(FileId, placed.Key);
    }

    private const string FileId = "0190aabbccddeeff0011223344556677";

    /// <summary>A new identity with one handle; returns its id.</summary>
    private static async Task<string> IdentityWithHandleAsync(IServiceProvider services, string scheme, string handle)
    {
        var identities = services.GetRequiredService<IdentityStore>();
        var identity = await identities.CreateAsync(scheme + " user");
        Assert.True(await identities.SetHandleAsync(identity.Id, scheme, handle));
        return identity.Id;
    }

    private static OwnerObjectPlacement Placement(IServiceProvider services) =>
        new(services.GetRequiredService<IdentityStore>(), services.GetRequiredService<IOptions<MefsOptions>>());

    private static FileRecord File(string owner, string name) => new()
    {
        OwnerId = owner,
        Id = FileId,
        Name = name,
        Size = 1,
        State = FileState.Staged,
        Backend = MefsBackend.BackendName,
        StagedBlob = owner + "/" + FileId,
        Digests = new Dictionary<string, string>(),
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
