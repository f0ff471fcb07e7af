using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class Eip191SignerTests
{
    /// <summary>The login example of MEMO's API document (seed 001), signed by go-ethereum with v = 0.</summary>
    private const string MemoLoginMessage = SiweMessageTestVectors.MemoChallenge;

    private const string MemoLoginSignature =
        "d5c406dd9ca168cc0894788cd262c3e9bd2f5413f87654c8cb685a9d872b9ab151fe80930c8de4da6adeadf38714387bee65c949ba47efa3eb5ee1335b6cc79400";

    [Fact]
    public void HashMessage_Hello_MatchesCompatCheckValue()
    {
        Assert.Equal("50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750", Convert.ToHexStringLower(Eip191Signer.HashMessage("hello")));
    }

    [Fact]
    public void RecoverAddress_MemoSeedLoginExample_RecoversAddressInMessage()
    {
        var recovery = Eip191Signer.RecoverAddress(MemoLoginMessage, Convert.FromHexString(MemoLoginSignature));

        Assert.True(recovery.IsValid);
        Assert.Equal(SignatureVForm.RecoveryId, recovery.VForm);
        Assert.Equal("0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42", recovery.Address.ToString());
    }

    [Fact]
    public void RecoverAddress_SameSignatureWithV27_RecoversSameAddressAsLegacyForm()
    {
        var signature = Convert.FromHexString(MemoLoginSignature);
        signature[64] = 27;

        var recovery = Eip191Signer.RecoverAddress(MemoLoginMessage, signature);

        Assert.Equal(SignatureVForm.Legacy, recovery.VForm);
        Assert.Equal("0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42", recovery.Address.ToString());
    }

    [Fact]
    public void VerifyMessage_TamperedMessage_ReturnsOtherAddress()
    {
        var address = Eip191Signer.VerifyMessage(MemoLoginMessage + " ", Convert.FromHexString(MemoLoginSignature));

        Assert.NotEqual("0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42", address.ToString());
    }

    [Fact]
    public void VerifyMessage_BadV_ThrowsCryptographicExceptionNamingStatus()
    {
        var signature = Convert.FromHexString(MemoLoginSignature);
        signature[64] = 5;

        var error = Assert.Throws<CryptographicException>(() => Eip191Signer.VerifyMessage(MemoLoginMessage, signature));

        Assert.Contains(nameof(SignatureStatus.InvalidRecoveryId), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HashMessage_MultiByteCharacters_CountsUtf8Bytes()
    {
        // "é" is two UTF-8 bytes, so the prefix says 2, not 1.
        var expected = Keccak256.Hash("\u0019Ethereum Signed Message:\n2\u00e9"u8);

        Assert.Equal(expected, Eip191Signer.HashMessage("\u00e9"));
    }

    [Fact]
    public async Task SignAndVerify_RandomKeysAndMessages_AgreeWithEthersBothWays()
    {
        var random = new Random(191);
        string[] alphabet = ["a", "Z", "0", " ", "\n", "é", "✓", "😀", "memo.io", "\u0000"];
        var cases = Enumerable.Range(0, 60).Select(i => (
            Key: Secp256k1Tests.NextKey(random),
            Message: string.Concat(Enumerable.Range(0, i * 7 % 300).Select(_ => alphabet[random.Next(alphabet.Length)])))).ToList();

        // Ours → ethers.verifyMessage, and ethers' Wallet.signMessage → ours, in one Node process.
        var ours = cases.Select(c => Eip191Signer.SignMessage(c.Message, c.Key)).ToList();
        var batch = cases.Select((c, i) => ("verifyMessage", (JsonNode?)new JsonObject { ["message"] = c.Message, ["signature"] = EthereumHex.EncodeData(ours[i]) }))
            .Concat(cases.Select(c => ("signMessage", (JsonNode?)new JsonObject { ["message"] = c.Message, ["privateKey"] = EthereumHex.EncodeData(c.Key) })))
            .ToList();
        var reference = await EthersReference.RunAsync(batch);

        for (var i = 0; i < cases.Count; i++)
        {
            var address = EthereumAddress.FromPrivateKey(cases[i].Key);
            Assert.Equal(address.ToString(), reference[i].Text);
            var theirs = EthereumHex.DecodeData(reference[cases.Count + i].Text);
            Assert.Equal(address, Eip191Signer.VerifyMessage(cases[i].Message, theirs));
            Assert.Equal(theirs, ours[i]);
        }
    }
}
