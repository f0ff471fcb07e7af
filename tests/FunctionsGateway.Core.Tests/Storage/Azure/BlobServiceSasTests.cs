using System.Web;
using FunctionsGateway.Core.Storage.Azure;
using FunctionsGateway.Core.Storage.Emulator;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class BlobServiceSasTests
{
    private static readonly StorageSharedKey DevelopmentKey = new(AzuriteProcess.AccountName, Convert.FromBase64String(AzuriteProcess.AccountKey));
    private static readonly DateTimeOffset Expiry = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.ServiceSas), MemberType = typeof(SharedKeyTestVectors))]
    public void StringToSign_AzuriteVector_MatchesAzurite(string permissions, string blob, string protocol, string expected, string signature)
    {
        _ = signature;

        var actual = BlobServiceSas.StringToSign(permissions, "2030-01-02T03:04:05Z", "devstoreaccount1", "photos", blob, protocol, "2025-01-05");

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.ServiceSas), MemberType = typeof(SharedKeyTestVectors))]
    public void CreateQuery_AzuriteVector_CarriesTheFieldsAndSignature(string permissions, string blob, string protocol, string stringToSign, string signature)
    {
        _ = stringToSign;
        var flags = permissions.Aggregate(BlobSasPermissions.None, (all, letter) => all | letter switch
        {
            'r' => BlobSasPermissions.Read,
            'a' => BlobSasPermissions.Add,
            'c' => BlobSasPermissions.Create,
            'w' => BlobSasPermissions.Write,
            _ => BlobSasPermissions.Delete,
        });

        var allowHttp = protocol == "https,http";

        var query = HttpUtility.ParseQueryString(BlobServiceSas.CreateQuery(DevelopmentKey, "photos", blob, flags, Expiry, allowHttp, "2025-01-05"));

        Assert.Equal("2025-01-05", query["sv"]);
        Assert.Equal("2030-01-02T03:04:05Z", query["se"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal(permissions, query["sp"]);
        Assert.Equal(protocol, query["spr"]);
        Assert.Equal(signature, query["sig"]);
    }

    [Theory]
    [InlineData(BlobSasPermissions.Read, "r")]
    [InlineData(BlobSasPermissions.Write | BlobSasPermissions.Create, "cw")]
    [InlineData(BlobSasPermissions.Delete | BlobSasPermissions.Read | BlobSasPermissions.Add | BlobSasPermissions.Write | BlobSasPermissions.Create, "racwd")]
    [InlineData(BlobSasPermissions.None, "")]
    public void FormatPermissions_AnyFlags_AreInCanonicalOrder(BlobSasPermissions permissions, string expected)
    {
        Assert.Equal(expected, BlobServiceSas.FormatPermissions(permissions));
    }

    [Fact]
    public void FormatExpiry_OffsetAndFraction_IsUtcWholeSeconds()
    {
        Assert.Equal("2030-01-02T01:04:05Z", BlobServiceSas.FormatExpiry(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void CreateQuery_NoPermission_Throws()
    {
        Assert.Throws<ArgumentException>(() => BlobServiceSas.CreateQuery(DevelopmentKey, "c", "b", BlobSasPermissions.None, Expiry, allowHttp: false, "2025-01-05"));
    }
}
