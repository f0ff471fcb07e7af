using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Tests.Storage.Azure;

public sealed class SharedKeyStringToSignTests
{
    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.BlobAndQueue), MemberType = typeof(SharedKeyTestVectors))]
    public void ForBlobOrQueue_AzuriteVector_MatchesAzurite(string method, string url, string[] headers, string expected, string signature)
    {
        _ = signature;

        var actual = SharedKeyStringToSign.ForBlobOrQueue(method, new Uri(url), "devstoreaccount1", Headers(headers));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ForBlobOrQueue_HeaderNamesInAnyCase_AreLowerCasedAndSorted()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "get",
            new Uri("https://acct.blob.core.windows.net/c/b"),
            "acct",
            Headers(["X-MS-Version:2025-01-05", "x-ms-date:" + SharedKeyTestVectors.Date, "X-Ms-Blob-Type:BlockBlob", "If-Match:\"0x1\"", "Range:bytes=0-1"]));

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\"0x1\"\n\n\nbytes=0-1\nx-ms-blob-type:BlockBlob\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-version:2025-01-05\n/acct/c/b",
            actual);
    }

    [Fact]
    public void ForBlobOrQueue_LinearWhitespaceInAValue_IsFoldedToOneSpace()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "PUT", new Uri("https://acct.blob.core.windows.net/c"), "acct", Headers(["x-ms-meta-a:  one \t two  "]));

        Assert.EndsWith("x-ms-meta-a:one two\n/acct/c", actual, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.DocumentedCanonicalizedResources), MemberType = typeof(SharedKeyTestVectors))]
    public void CanonicalizedResource_DocumentedExample_Matches(string url, string expected)
    {
        Assert.Equal(expected, SharedKeyStringToSign.CanonicalizedResource("myaccount", new Uri(url)));
    }

    [Fact]
    public void CanonicalizedResource_ServiceRootWithoutPath_IsAccountAndSlash()
    {
        Assert.Equal("/acct/\ncomp:list\nmaxresults:1", SharedKeyStringToSign.CanonicalizedResource("acct", new Uri("https://acct.queue.core.windows.net?comp=list&maxresults=1")));
    }

    [Theory]
    [MemberData(nameof(SharedKeyTestVectors.TableLite), MemberType = typeof(SharedKeyTestVectors))]
    public void ForTableLite_AzuriteVector_MatchesAzurite(string url, string expected, string signature)
    {
        _ = signature;

        Assert.Equal(expected, SharedKeyStringToSign.ForTableLite(SharedKeyTestVectors.Date, new Uri(url), "devstoreaccount1"));
    }

    private static KeyValuePair<string, string>[] Headers(string[] lines) =>
        [.. lines.Select(line => new KeyValuePair<string, string>(line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]))];
}
