using System.Globalization;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class SiweMessageTests
{
    [Theory]
    [MemberData(nameof(SiweMessageTestVectors.Valid), MemberType = typeof(SiweMessageTestVectors))]
    public void Parse_PublishedMessage_FormatsBackToSameText(string text)
    {
        var message = SiweMessage.Parse(text);

        Assert.Equal(text, message.ToString());
        Assert.Equal(message, SiweMessage.Parse(message.ToString()));
    }

    [Fact]
    public void ToString_NoStatement_KeepsTwoEmptyLinesBeforeUri()
    {
        var message = new SiweMessage
        {
            Domain = "memo.io",
            Address = EthereumAddress.Parse("0xfd976f1f3dc6413da5fed05471eabb01f4faac42"),
            Uri = "http://memo.io",
            ChainId = 985,
            Nonce = "12c2ad59e12abbe224cf86741c4bf00a21432fb2673b29a694b72062385f9b5d",
            IssuedAt = SiweMessage.FormatTimestamp(new DateTimeOffset(2023, 4, 23, 15, 36, 10, 400, TimeSpan.FromHours(8))),
        };

        Assert.Equal(SiweMessageTestVectors.MemoChallenge, message.ToString());
        Assert.Equal(message.ToString(), (message with { Statement = "  " }).ToString());
    }

    [Fact]
    public void Parse_Eip4361Example_ReadsEveryField()
    {
        var message = SiweMessage.Parse(SiweMessageTestVectors.AllFields);

        Assert.Equal("localhost:8081", message.Domain);
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", message.Address.ToString());
        Assert.Equal("The message is only used for login", message.Statement);
        Assert.Equal("http://localhost:8081/login", message.Uri);
        Assert.Equal(985, message.ChainId);
        Assert.Equal("abcdefgh12345678", message.Nonce);
        Assert.Equal("2023-04-23T07:41:10+08:00", message.ExpirationTime);
        Assert.Equal(new DateTimeOffset(2023, 4, 22, 23, 41, 10, TimeSpan.Zero), SiweMessage.ParseTimestamp(message.ExpirationTime!));
        Assert.Equal("2023-04-23T07:36:10.123Z", message.NotBefore);
        Assert.Equal("req-1_~!$&'()*+,;=:@%", message.RequestId);
        Assert.Equal(["https://memo.io/a", "ipfs://bafy"], message.Resources);
    }

    [Theory]
    [MemberData(nameof(SiweMessageTestVectors.Malformed), MemberType = typeof(SiweMessageTestVectors))]
    public void TryParse_MalformedLine_FailsNamingThatLine(string text, int line)
    {
        Assert.False(SiweMessage.TryParse(text, out _, out var error));
        Assert.StartsWith($"SIWE message line {line.ToString(CultureInfo.InvariantCulture)}:", error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => SiweMessage.Parse(text)).Message);
    }

    [Fact]
    public async Task ToString_ManyFieldCombinations_EqualsSiwePrepareMessageAndSiweParsesIt()
    {
        var random = new Random(4361);
        var messages = Enumerable.Range(0, 40).Select(i => new SiweMessage
        {
            Domain = i % 3 == 0 ? "memo.io" : "localhost:" + (8000 + i).ToString(CultureInfo.InvariantCulture),
            Address = EthereumAddress.FromPrivateKey(Secp256k1Tests.NextKey(random)),
            Statement = i % 2 == 0 ? null : "Sign in number " + i.ToString(CultureInfo.InvariantCulture) + " to the gateway.",
            Uri = i % 4 == 0 ? "http://memo.io" : "https://example.com/login?x=" + i.ToString(CultureInfo.InvariantCulture),
            ChainId = i % 5 == 0 ? 985 : 1 + i,
            Nonce = Convert.ToHexStringLower(Secp256k1Tests.NextBytes(random, 8 + (i % 24))),
            IssuedAt = SiweMessage.FormatTimestamp(new DateTimeOffset(2023, 4, 23, 7, 36, 10, TimeSpan.Zero).AddMinutes(i * 37)),
            ExpirationTime = i % 3 == 1 ? "2030-01-01T00:00:00Z" : null,
            NotBefore = i % 5 == 2 ? "2023-01-01T00:00:00.500Z" : null,
            RequestId = i % 7 == 3 ? "request-" + i.ToString(CultureInfo.InvariantCulture) : null,
            Resources = i % 6 == 4 ? ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://example.com/claim.json"] : [],
        }).ToList();

        var batch = messages.Select(m => ("siwePrepare", (JsonNode?)ToSiweFields(m)))
            .Concat(messages.Select(m => ("siweParse", (JsonNode?)JsonValue.Create(m.ToString()))))
            .ToList();
        var reference = await EthersReference.RunAsync(batch);

        for (var i = 0; i < messages.Count; i++)
        {
            Assert.Equal(reference[i].Text, messages[i].ToString());
            var parsed = reference[messages.Count + i].Value;
            Assert.Null(reference[messages.Count + i].Error);
            Assert.Equal(messages[i].Domain, (string?)parsed!["domain"]);
            Assert.Equal(messages[i].Address.ToString(), (string?)parsed["address"]);
            Assert.Equal(messages[i].Statement, (string?)parsed["statement"]);
            Assert.Equal(messages[i].Nonce, (string?)parsed["nonce"]);
            Assert.Equal(messages[i].ChainId, (long)parsed["chainId"]!);
            Assert.Equal(messages[i].Resources, parsed["resources"]!.AsArray().Select(r => (string)r!));
        }
    }

    private static JsonObject ToSiweFields(SiweMessage message)
    {
        var fields = new JsonObject
        {
            ["domain"] = message.Domain,
            ["address"] = message.Address.ToString(),
            ["uri"] = message.Uri,
            ["version"] = message.Version,
            ["chainId"] = message.ChainId,
            ["nonce"] = message.Nonce,
            ["issuedAt"] = message.IssuedAt,
        };
        AddIfSet(fields, "statement", message.Statement);
        AddIfSet(fields, "expirationTime", message.ExpirationTime);
        AddIfSet(fields, "notBefore", message.NotBefore);
        AddIfSet(fields, "requestId", message.RequestId);
        if (message.Resources.Count > 0)
        {
            fields["resources"] = new JsonArray([.. message.Resources.Select(r => JsonValue.Create(r))]);
        }

        return fields;
    }

    private static void AddIfSet(JsonObject fields, string name, string? value)
    {
        // siwe distinguishes an absent statement (undefined) from an empty one; MEMO's is absent.
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
