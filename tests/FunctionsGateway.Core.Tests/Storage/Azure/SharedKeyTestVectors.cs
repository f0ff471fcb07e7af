namespace FunctionsGateway.Core.Tests.Storage.Azure;

/// <summary>
/// Shared Key, Shared Key Lite and service SAS vectors for the well-known <c>devstoreaccount1</c> key.
/// Unless a row says otherwise, each string-to-sign and signature was produced by Azurite 3.35.0's own validators
/// (<c>tools/azurite/node_modules/azurite/dist/src/blob/authentication/BlobSharedKeyAuthenticator.js</c>,
/// <c>table/authentication/TableSharedKeyLiteAuthenticator.js</c>,
/// <c>blob/authentication/IBlobSASSignatureValues.js</c> <c>generateBlobSASSignature</c>) fed the request shown, so
/// they pin what the emulator accepts independently of this code.
/// </summary>
public static class SharedKeyTestVectors
{
    public const string Date = "Fri, 07 Mar 2025 10:11:12 GMT";

    /// <summary>Method, URL, headers ("name:value"), string-to-sign, signature.</summary>
    public static TheoryData<string, string, string[], string, string> BlobAndQueue => new()
    {
        {
            "PUT", "http://127.0.0.1:10000/devstoreaccount1/photos?restype=container",
            ["x-ms-date:" + Date, "x-ms-version:2025-01-05", "x-ms-client-request-id:0f8fad5b-d9cb-469f-a165-70867728950e"],
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-client-request-id:0f8fad5b-d9cb-469f-a165-70867728950e\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/photos\nrestype:container",
            "rXkatSAWxHIQkFmgArHyM+xH+0WdWKFSMD7xfh2D9sg="
        },
        {
            "PUT", "http://127.0.0.1:10000/devstoreaccount1/photos/a%20b/%C3%BC.bin?comp=block&blockid=MDAwMDAx",
            ["x-ms-date:" + Date, "x-ms-version:2025-01-05", "Content-Length:1024"],
            "PUT\n\n\n1024\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/photos/a%20b/%C3%BC.bin\nblockid:MDAwMDAx\ncomp:block",
            "ZC2y2ihu960dpCtEMqISf0rnYWlsxkLZN0N9jrYdky8="
        },
        {
            "PUT", "http://127.0.0.1:10000/devstoreaccount1/photos/x.txt?comp=blocklist",
            ["x-ms-date:" + Date, "x-ms-version:2025-01-05", "Content-Type:application/xml; charset=utf-8", "Content-Length:98", "x-ms-blob-content-type:text/plain", "x-ms-blob-content-disposition:attachment"],
            "PUT\n\n\n98\n\napplication/xml; charset=utf-8\n\n\n\n\n\n\nx-ms-blob-content-disposition:attachment\nx-ms-blob-content-type:text/plain\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/photos/x.txt\ncomp:blocklist",
            "yw1KmJZTpEN01J/oHrqpmEAXhmXN/FmYRudo+kZlX6k="
        },
        {
            "GET", "http://127.0.0.1:10000/devstoreaccount1/photos?restype=container&comp=list&prefix=in%2F&marker=abc%3D%3D&maxresults=2",
            ["x-ms-date:" + Date, "x-ms-version:2025-01-05", "x-ms-range:bytes=0-99"],
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-range:bytes=0-99\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/photos\ncomp:list\nmarker:abc==\nmaxresults:2\nprefix:in/\nrestype:container",
            "zals1fd7JlJgw9RrJwmXBZ1yrJIrFUODKKTtpdNVfpY="
        },
        {
            // Content-Length 0 signs as empty (versions 2015-02-21 and later).
            "POST", "http://127.0.0.1:10001/devstoreaccount1/jobs/messages?visibilitytimeout=0",
            ["x-ms-date:" + Date, "x-ms-version:2025-01-05", "Content-Type:application/xml; charset=utf-8", "Content-Length:0"],
            "POST\n\n\n\n\napplication/xml; charset=utf-8\n\n\n\n\n\n\nx-ms-date:Fri, 07 Mar 2025 10:11:12 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/jobs/messages\nvisibilitytimeout:0",
            "gDRmYBaAqhb8Rj960eDjbZEIC7WBfX7G7AW5ePvxWD0="
        },
    };

    /// <summary>URL, string-to-sign, signature (date <see cref="Date"/>).</summary>
    public static TheoryData<string, string, string> TableLite => new()
    {
        {
            "http://127.0.0.1:10002/devstoreaccount1/Tables",
            "Fri, 07 Mar 2025 10:11:12 GMT\n/devstoreaccount1/devstoreaccount1/Tables",
            "/LndYKEb+T5ljTi89NHh2kqBegsJzoiIwvqD3ag9CuA="
        },
        {
            "http://127.0.0.1:10002/devstoreaccount1/people(PartitionKey='it%27%27s',RowKey='%C3%BC%20x')",
            "Fri, 07 Mar 2025 10:11:12 GMT\n/devstoreaccount1/devstoreaccount1/people(PartitionKey='it%27%27s',RowKey='%C3%BC%20x')",
            "qcog3TacgXu2Mmr1hxxQMDi9X/kqhEFmzGPsEsBrFV0="
        },
        {
            "http://127.0.0.1:10002/devstoreaccount1/people()?$filter=PartitionKey%20eq%20'p'&$top=10&NextPartitionKey=1!8!cA--",
            "Fri, 07 Mar 2025 10:11:12 GMT\n/devstoreaccount1/devstoreaccount1/people()",
            "FcwaY+6gR4FVGur4vW+izLP1z1JqpxEBM7NdV4cfLbg="
        },
        {
            "http://127.0.0.1:10002/devstoreaccount1/?comp=properties&restype=service",
            "Fri, 07 Mar 2025 10:11:12 GMT\n/devstoreaccount1/devstoreaccount1/?comp=properties",
            "ltMJfjplI/h8454gGGsg/z4GqLO/JSHnUxDSq8oPI14="
        },
    };

    /// <summary>Canonicalized resources from the examples of
    /// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key#shared-key-format-for-2009-09-19-and-later
    /// (account <c>myaccount</c>): URL, canonicalized resource.</summary>
    public static TheoryData<string, string> DocumentedCanonicalizedResources => new()
    {
        {
            "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata",
            "/myaccount/mycontainer\ncomp:metadata\nrestype:container"
        },
        {
            "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs",
            "/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container"
        },
    };

    /// <summary>Service SAS (version 2025-01-05, expiry 2030-01-02T03:04:05Z, container <c>photos</c>): permissions,
    /// blob, protocol, string-to-sign, signature.</summary>
    public static TheoryData<string, string, string, string, string> ServiceSas => new()
    {
        {
            "r", "dir/read me.bin", "https,http",
            "r\n\n2030-01-02T03:04:05Z\n/blob/devstoreaccount1/photos/dir/read me.bin\n\n\nhttps,http\n2025-01-05\nb\n\n\n\n\n\n\n",
            "RVx3xn/Jd1FuBunLzptr8T5q/GAOOqI3MLELdI3teP4="
        },
        {
            "cw", "upload.bin", "https",
            "cw\n\n2030-01-02T03:04:05Z\n/blob/devstoreaccount1/photos/upload.bin\n\n\nhttps\n2025-01-05\nb\n\n\n\n\n\n\n",
            "kE4tOqkykHfA9MKtQdDX2IaBPpvIARJ3g9yrcdEfQg0="
        },
        {
            "racwd", "ü/€.txt", "https,http",
            "racwd\n\n2030-01-02T03:04:05Z\n/blob/devstoreaccount1/photos/ü/€.txt\n\n\nhttps,http\n2025-01-05\nb\n\n\n\n\n\n\n",
            "Wis6LcQeyGRIhScERu3ClEnDVEwrpT22+ZEomae7qdg="
        },
    };
}
