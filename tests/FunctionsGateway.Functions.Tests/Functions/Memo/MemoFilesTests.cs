using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Auth.Crypto;
using Amazon.S3.Model;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Storage.Ipfs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Functions.Tests.Functions.Memo;

/// <summary>Uploads, lists, downloads, deletion and search on <c>/memo/{mefs|ipfs}</c> (compat §2.4, §2.5), with and without vouchers.</summary>
[Collection(MemoCollection.Name)]
public sealed class MemoFilesTests(MemoGatewayFixture memo)
{
    private const string HelloCid = "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD";

    [Fact]
    public async Task EthersWallet_UploadListDownloadDelete_ThroughMefsOnS3rverAndIpfsOnJsIpfs()
    {
        var wallet = new MemoWallet();
        using var client = await wallet.LoggedInClientAsync(memo.Chain, ethers: true);
        using var s3 = memo.S3.CreateClient();
        using var node = new KuboRpcClient(Options.Create(new IpfsOptions { ApiUrl = memo.Ipfs.ApiUrl }), NullLogger<KuboRpcClient>.Instance);
        var bucket = wallet.Address.ToLowerHex();
        foreach (var storage in new[] { "mefs", "ipfs" })
        {
            var bytes = Encoding.ASCII.GetBytes($"hello {storage} " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            var upload = await MemoAssert.OkAsync(await client.PostAsync($"/memo/{storage}/", FileForm(bytes, "hello.txt")));
            var mid = upload.GetProperty("cid").GetString()!;
            // The push worker moves the staged file to the backend: the object in the owner's bucket, the pin on the node.
            if (storage == "mefs")
            {
                var stored = await EventuallyAsync<S3Object>(async () => (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects);
                Assert.EndsWith("/hello.txt", Assert.Single(stored).Key, StringComparison.Ordinal);
            }
            else
            {
                Assert.Single(await EventuallyAsync<KuboPin>(async () => await node.PinListAsync(KuboPinType.Recursive, [Cid.Parse(mid)])));
            }

            var list = await MemoAssert.OkAsync(await client.GetAsync($"/memo/{storage}/listobjects"));
            using var download = await client.GetAsync($"/memo/{storage}/{mid}");
            var deleted = await MemoAssert.OkAsync(await client.GetAsync($"/memo/{storage}/delete?mid={mid}"));
            var after = await MemoAssert.OkAsync(await client.GetAsync($"/memo/{storage}/listobjects"));

            Assert.Equal($$"""{"cid":"{{mid}}","id":"{{mid}}"}""", upload.GetRawText());
            Assert.Equal(storage, list.GetProperty("Storage").GetString());
            Assert.Equal(["Address", "Storage", "Object"], list.EnumerateObject().Select(p => p.Name));
            Assert.Equal(wallet.Address.ToString(), list.GetProperty("Address").GetString());
            var item = Assert.Single(list.GetProperty("Object").EnumerateArray());
            Assert.Equal(["Name", "Size", "Mid", "Cid", "ModTime", "UserDefined"], item.EnumerateObject().Select(p => p.Name));
            Assert.Equal("hello.txt", item.GetProperty("Name").GetString());
            Assert.Equal(bytes.Length, item.GetProperty("Size").GetInt64());
            Assert.Equal(mid, item.GetProperty("Mid").GetString());
            Assert.EndsWith("Z", item.GetProperty("ModTime").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("hello.txt", download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
            Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("""{"state":"success"}""", deleted.GetRawText());
            Assert.Equal(0, after.GetProperty("Object").GetArrayLength());
            if (storage == "mefs")
            {
                Assert.Empty((await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects ?? []);
            }
        }
    }

    [Fact]
    public async Task Upload_HelloWorld_MidIsTheFilesCid()
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Chain);

        var upload = await MemoAssert.OkAsync(await client.PostAsync("/memo/mefs/", FileForm(Encoding.ASCII.GetBytes("hello world"), "hello.txt")));

        Assert.Equal(HelloCid, upload.GetProperty("cid").GetString());
    }

    /// <summary>
    /// Polls until <paramref name="read"/> gives a non-empty list (the push worker runs in the background; a node
    /// may also answer "not pinned" with an error meanwhile), at most 60 s; then the last answer.
    /// </summary>
    private static async Task<IReadOnlyList<T>> EventuallyAsync<T>(Func<Task<IReadOnlyList<T>?>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (await read() is { Count: > 0 } found)
                {
                    return found;
                }
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Not there yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                return await read() ?? [];
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Download_MefsObjectOfAnotherOrNobody_516Or517_IpfsObjectForAnyone()
    {
        using var owner = await new MemoWallet().LoggedInClientAsync(memo.Chain);
        using var other = await new MemoWallet().LoggedInClientAsync(memo.Chain);
        using var anonymous = memo.Chain.CreateClient();
        var bytes = RandomNumberGenerator.GetBytes(3000);
        var privateMid = (await MemoAssert.OkAsync(await owner.PostAsync("/memo/mefs/", FileForm(bytes, "secret.bin")))).GetProperty("cid").GetString()!;
        var publicBytes = RandomNumberGenerator.GetBytes(2000);
        var publicMid = (await MemoAssert.OkAsync(await owner.PostAsync("/memo/ipfs/", FileForm(publicBytes, "photo.png")))).GetProperty("cid").GetString()!;

        await MemoAssert.EnvelopeAsync(await other.GetAsync($"/memo/mefs/{privateMid}"), 516, "Storage", $"Error storing file ({privateMid}: object not found)");
        await MemoAssert.EnvelopeAsync(await anonymous.GetAsync($"/memo/mefs/{privateMid}"), 517, "Address", "Address Error (address is null)");
        using var shared = await anonymous.GetAsync($"/memo/ipfs/{publicMid}");
        Assert.Equal(publicBytes, await shared.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", shared.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await (await owner.GetAsync($"/memo/mefs/{privateMid}")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_BadRequests_OriginalsAnswers()
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Chain);
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        await MemoAssert.EnvelopeAsync(await client.PostAsync("/memo/mefs/", new StringContent("x")), 400, "InvalidRequest", "Invalid request (request Content-Type isn't multipart/form-data)");
        await MemoAssert.EnvelopeAsync(await client.PostAsync("/memo/mefs/", noFile), 400, "InvalidRequest", "Invalid request (http: no such file)");
        await MemoAssert.EnvelopeAsync(await client.PostAsync("/memo/qiniu/", FileForm([1], "a.bin")), 518, "Storage", "Storage Error (storage not support)");
        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/qiniu/listobjects"), 518, "Storage", "Storage Error (storage not support)");
    }

    [Fact]
    public async Task Upload_NoCredentials_401TokenIsNull()
    {
        using var client = memo.Chain.CreateClient();
        await MemoAssert.EnvelopeAsync(await client.PostAsync("/memo/mefs/", FileForm([1, 2], "a.bin")), 401, "Authentication", "Authentication Failed (Token is Null, not found in `Authorization: Bearer ` header)");
        await MemoAssert.EnvelopeAsync(await client.GetAsync("/memo/mefs/listobjects"), 401, "Authentication", "Authentication Failed (Token is Null, not found in `Authorization: Bearer ` header)");
    }

    [Fact]
    public async Task NoChain_QuotaInsteadOfVouchers_AndMefsWithoutBackend518()
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Plain);

        var small = await MemoAssert.OkAsync(await client.PostAsync("/memo/ipfs/", FileForm(new byte[100_000], "fits.bin")));
        using var large = await client.PostAsync("/memo/ipfs/", FileForm(new byte[100_001], "large.bin"));

        Assert.NotNull(small.GetProperty("cid").GetString());
        await MemoAssert.EnvelopeAsync(large, 516, "Storage", "Error storing file (The upload exceeds the limit of 100000 bytes.)");
        Assert.Single((await MemoAssert.OkAsync(await client.GetAsync("/memo/ipfs/listobjects"))).GetProperty("Object").EnumerateArray());
        await MemoAssert.EnvelopeAsync(await client.PostAsync("/memo/mefs/", FileForm([1], "a.bin")), 518, "Storage", "Storage Error (storage not support)");
    }

    [Fact]
    public async Task Search_PublicObjectsByName_PagedOneBased()
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Chain);
        var tag = "holiday" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        for (var i = 0; i < 3; i++)
        {
            await MemoAssert.OkAsync(await client.PostAsync("/memo/ipfs/", FileForm(RandomNumberGenerator.GetBytes(10 + i), $"{tag}-{i}.jpg")));
        }

        await MemoAssert.OkAsync(await client.PostAsync("/memo/mefs/", FileForm(RandomNumberGenerator.GetBytes(10), $"{tag}-private.jpg")));

        var first = await MemoAssert.OkAsync(await client.GetAsync($"/memo/search?query={tag.ToUpperInvariant()}&page=1&size=2"));
        var second = await MemoAssert.OkAsync(await client.GetAsync($"/memo/search?query={tag}&page=2&size=2"));
        using var badPage = await client.GetAsync($"/memo/search?query={tag}&page=0&size=2");

        Assert.Equal(2, first.GetArrayLength());
        Assert.Equal(["Mid", "FileName", "Keywords", "Size", "ModTime"], first[0].EnumerateObject().Select(p => p.Name));
        var last = Assert.Single(second.EnumerateArray());
        Assert.StartsWith(tag, last.GetProperty("FileName").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("private", string.Concat(first.EnumerateArray().Concat(second.EnumerateArray()).Select(h => h.GetProperty("FileName").GetString())), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("\"invalid page: '0'\"", await badPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DidUser_UploadsWithSpaceVouchers_ListsDeletesAndTheSellerCashes()
    {
        using var client = memo.Chain.CreateClient();
        var user = await BuyerAsync(client, space: 1000, traffic: 0);
        var seller = EthereumAddress.FromPrivateKey(MemoGatewayFixture.SellerKey);
        var sellerBefore = await TokenBalanceAsync(seller);

        var first = await UploadAsync(client, user, RandomNumberGenerator.GetBytes(400), "a.bin", 600);
        using var uncovered = await client.PostAsync("/memo/mefs/", DidForm(user, RandomNumberGenerator.GetBytes(300), "b.bin", 600, await VoucherAsync(client, user, "space", 600)));
        using var overSpace = await client.PostAsync("/memo/mefs/", DidForm(user, [1], "c.bin", 5000, await VoucherAsync(client, user, "space", 5000)));
        using var otherSigner = await client.PostAsync("/memo/mefs/", DidForm(user, [1], "d.bin", 800, Sign(await HashAsync(client, user, "space", 800), MemoGatewayFixture.NewKey())));
        var second = await UploadAsync(client, user, RandomNumberGenerator.GetBytes(300), "b.bin", 800, SignatureVForm.Legacy);
        var list = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")));
        var deleted = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/delete?id=1")));
        var after = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/listobjects")));
        var cash = await MemoChainRoutesTests.StringAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/memo/mefs/cashspace?address={user.Address}"));
        await memo.Ganache.Client.WaitForReceiptAsync(cash, TimeSpan.FromSeconds(30));
        var receipt = await MemoChainRoutesTests.StringAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/memo/mefs/receipt?receipt={cash}"));
        var space = await MemoAssert.OkAsync(await client.SendAsync(user.Get("/memo/mefs/space")));
        using var staleVoucher = await client.PostAsync("/memo/mefs/", DidForm(user, [1], "e.bin", 800, first.Voucher));

        Assert.Equal(["Mid"], first.Body.EnumerateObject().Select(p => p.Name));
        await MemoAssert.EnvelopeAsync(uncovered, 525, "ControllerError", "Controller Error (checksize not enough, have 600, need 700)");
        await MemoAssert.EnvelopeAsync(overSpace, 525, "ControllerError", "Controller Error (space not enough, have 1000, need 5000)");
        await MemoAssert.EnvelopeAsync(otherSigner, 525, "ControllerError", "Controller Error (verify sign not success)");
        Assert.Equal(["Address", "Storage", "Objects"], list.EnumerateObject().Select(p => p.Name));
        Assert.Equal(user.Address.ToString(), list.GetProperty("Address").GetString());
        var objects = list.GetProperty("Objects").EnumerateArray().ToList();
        Assert.Equal([1L, 2L], objects.Select(o => o.GetProperty("ID").GetInt64()));
        Assert.Equal(["ID", "Name", "Size", "Mid", "Public", "ModTime"], objects[0].EnumerateObject().Select(p => p.Name));
        Assert.False(objects[0].GetProperty("Public").GetBoolean());
        Assert.Equal(first.Body.GetProperty("Mid").GetString(), objects[0].GetProperty("Mid").GetString());
        Assert.Equal(second.Body.GetProperty("Mid").GetString(), objects[1].GetProperty("Mid").GetString());
        Assert.Equal("""{"state":"success"}""", deleted.GetRawText());
        Assert.Equal([2L], after.GetProperty("Objects").EnumerateArray().Select(o => o.GetProperty("ID").GetInt64()));
        Assert.Equal("success", receipt);
        Assert.Equal(sellerBefore + (800 * 2), await TokenBalanceAsync(seller));
        Assert.Equal(1, space.GetProperty("Nonce").GetInt64());
        Assert.Equal(200, space.GetProperty("SizeByte").GetInt64());
        await MemoAssert.EnvelopeAsync(staleVoucher, 525, "ControllerError", "Controller Error (verify sign not success)");
    }

    [Fact]
    public async Task DidUser_SignedFieldsAfterTheFile_Accepted()
    {
        using var client = memo.Chain.CreateClient();
        var user = await BuyerAsync(client, space: 100, traffic: 0);
        var voucher = await VoucherAsync(client, user, "space", 50);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("fields come last")), "file", "late.txt" } };
        foreach (var (name, value) in user.FormFields().Append(new("size", "50")).Append(new("sign", voucher)))
        {
            form.Add(new StringContent(value), name);
        }

        var body = await MemoAssert.OkAsync(await client.PostAsync("/memo/ipfs/", form));

        Assert.NotNull(body.GetProperty("Mid").GetString());
    }

    [Fact]
    public async Task DidUser_DownloadsWithTrafficVouchers_OnlyWhatTheyCover()
    {
        using var client = memo.Chain.CreateClient();
        var user = await BuyerAsync(client, space: 100, traffic: 100);
        var bytes = RandomNumberGenerator.GetBytes(60);
        var mid = (await UploadAsync(client, user, bytes, "song.mp3", 60)).Body.GetProperty("Mid").GetString();
        var voucher = await VoucherAsync(client, user, "traffic", 100);

        using var download = await client.SendAsync(user.Get($"/memo/mefs/{mid}?size=100&sign={voucher}"));
        using var again = await client.SendAsync(user.Get($"/memo/mefs/{mid}?size=100&sign={voucher}"));
        using var noVoucher = await client.SendAsync(user.Get($"/memo/mefs/{mid}"));

        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/mpeg", download.Content.Headers.ContentType!.MediaType);
        await MemoAssert.EnvelopeAsync(again, 525, "ControllerError", "Controller Error (checksize not enough, have 100, need 120)");
        await MemoAssert.EnvelopeAsync(noVoucher, 525, "ControllerError", "Controller Error (invalid check size '')");
    }

    [Fact]
    public async Task JwtUser_ChainConfigured_UploadsWithoutVoucherUnderTheQuota()
    {
        using var client = await new MemoWallet().LoggedInClientAsync(memo.Chain);

        var body = await MemoAssert.OkAsync(await client.PostAsync("/memo/mefs/", FileForm([1, 2, 3], "x.bin")));

        Assert.Equal(body.GetProperty("cid").GetString(), body.GetProperty("id").GetString());
    }

    private static MultipartFormDataContent FileForm(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>A multipart upload with the signed fields first, then the voucher and the file.</summary>
    private static MultipartFormDataContent DidForm(MemoDidUser user, byte[] bytes, string name, long size, string sign)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, value) in user.FormFields())
        {
            form.Add(new StringContent(value), field);
        }

        form.Add(new StringContent(size.ToString(System.Globalization.CultureInfo.InvariantCulture)), "size");
        form.Add(new StringContent(sign), "sign");
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    private static async Task<(JsonElement Body, string Voucher)> UploadAsync(HttpClient client, MemoDidUser user, byte[] bytes, string name, long size, SignatureVForm form = SignatureVForm.RecoveryId)
    {
        var voucher = Sign(await HashAsync(client, user, "space", size), user.Key, form);
        return (await MemoAssert.OkAsync(await client.PostAsync("/memo/mefs/", DidForm(user, bytes, name, size, voucher))), voucher);
    }

    private static async Task<byte[]> HashAsync(HttpClient client, MemoDidUser user, string kind, long size) =>
        EthereumHex.DecodeData(await MemoChainRoutesTests.StringAsync(client, user.Get($"/memo/mefs/{kind}hash?size={size}")));

    private static async Task<string> VoucherAsync(HttpClient client, MemoDidUser user, string kind, long size) =>
        Sign(await HashAsync(client, user, kind, size), user.Key);

    private static string Sign(byte[] hash, byte[] key, SignatureVForm form = SignatureVForm.RecoveryId) =>
        "0x" + Convert.ToHexStringLower(EthereumSigner.Sign(hash, key, form));

    /// <summary>A logged-in DID user who approved the Proxy and bought space and traffic through the gateway's unsigned transactions.</summary>
    private async Task<MemoDidUser> BuyerAsync(HttpClient client, ulong space, ulong traffic)
    {
        var user = await MemoDidUser.RegisterAsync(memo);
        await memo.FundAsync(user.Address);
        await memo.MintAsync(user.Address, 1_000_000);
        await user.LoginAsync(client);
        await MemoChainRoutesTests.SignAndSendAsync(memo, user, await MemoChainRoutesTests.StringAsync(client, user.Get("/memo/mefs/approve?type=store&size=1000000")), memo.Token);
        if (space > 0)
        {
            Assert.True((await MemoChainRoutesTests.SignAndSendAsync(memo, user, await MemoChainRoutesTests.StringAsync(client, user.Get($"/memo/mefs/buyspace?size={space}")), memo.Proxy)).Succeeded);
        }

        if (traffic > 0)
        {
            Assert.True((await MemoChainRoutesTests.SignAndSendAsync(memo, user, await MemoChainRoutesTests.StringAsync(client, user.Get($"/memo/mefs/buytraffic?size={traffic}")), memo.Proxy)).Succeeded);
        }

        return user;
    }

    private async Task<BigInteger> TokenBalanceAsync(EthereumAddress owner) =>
        (BigInteger)(await memo.Ganache.Client.CallAsync(memo.Token, AbiFunction.Parse("balanceOf(address) view returns (uint256)"), [owner]))[0]!;
}
