using Amazon.S3.Model;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Reliability.Faults;

/// <summary>MEFS's S3 gateway (s3rver) stopped during pushes and started again: <see cref="BackendOutage"/>.</summary>
[Collection(MefsCollection.Name)]
public sealed class MefsOutageTests(AzuriteFixture azurite, S3rverFixture s3rver)
{
    [Fact]
    public async Task Push_S3ServerDown_RetriesWithReasonFailsIntoPoisonThenStoredAfterRestartAndRequeue()
    {
        var settings = s3rver.Settings();
        settings["Gateway:Backend:Default"] = "mefs";
        settings["Gateway:Mefs:MaxRetries"] = "0";

        var (ownerA, a, ownerB, b) = await BackendOutage.RunAsync(azurite, settings, s3rver.StopAsync, s3rver.StartAsync, "MefsStorageException");

        using var s3 = s3rver.CreateClient();
        var inA = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "fg-" + ownerA });
        var inB = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "fg-" + ownerB });
        Assert.Equal(a + "/a.bin", Assert.Single(inA.S3Objects).Key);
        Assert.Equal(b + "/b.bin", Assert.Single(inB.S3Objects).Key);
    }
}
