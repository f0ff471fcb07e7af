using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Emulator;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class StorageSharedKeyTests
{
    private static readonly StorageSharedKey DevelopmentKey = new(AzuriteProcess.AccountName, Convert.FromBase64String(AzuriteProcess.AccountKey));

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.BlobAndQueue), MemberType = typeof(SharedKeyTestVectors))]
    public void Sign_BlobAndQueueVector_MatchesAzurite(string method, string url, string[] headers, string stringToSign, string signature)
    {
        _ = (method, url, headers);

        Assert.Equal(signature, DevelopmentKey.Sign(stringToSign));
    }

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.TableLite), MemberType = typeof(SharedKeyTestVectors))]
    public void Sign_TableLiteVector_MatchesAzurite(string url, string stringToSign, string signature)
    {
        _ = url;

        Assert.Equal(signature, DevelopmentKey.Sign(stringToSign));
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        Assert.Equal("devstoreaccount1:<key>", DevelopmentKey.ToString());
    }
}
