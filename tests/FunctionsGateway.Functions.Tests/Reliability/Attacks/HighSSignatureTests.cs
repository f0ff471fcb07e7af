using System.Globalization;
using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Functions.Tests.Functions.Memo;

namespace FunctionsGateway.Functions.Tests.Reliability.Attacks;

/// <summary>
/// High-s secp256k1 signatures (the malleable twin <c>(r, n − s, v ⊕ 1)</c> of a valid one). The MEMO originals
/// recover signers with go-ethereum's <c>SigToPub</c> (compat.md §2.3), which does not require low s (only
/// <c>VerifySignature</c> and transaction validation do, EIP-2): the twin logs in there, so it logs in here. Replay is
/// not what malleability opens here: the SIWE nonce is single-use whichever form signed it.
/// </summary>
[Collection(MemoCollection.Name)]
public sealed class HighSSignatureTests(MemoGatewayFixture memo)
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [Fact]
    public async Task SiweLogin_HighSTwinOfTheSignature_AcceptedAsGoEthereumRecoversIt_NonceStillSingleUse()
    {
        using var client = memo.Plain.CreateClient();
        var wallet = new MemoWallet();
        var message = await wallet.ChallengeAsync(client);
        var low = Eip191Signer.SignMessage(message, wallet.Key, SignatureVForm.Legacy);
        var high = Mirror(low);

        using var login = await MemoWallet.PostLoginAsync(client, message, "0x" + Convert.ToHexStringLower(high));
        using var replay = await MemoWallet.PostLoginAsync(client, message, "0x" + Convert.ToHexStringLower(low));

        Assert.False(Secp256k1.IsLowS(high.AsSpan(32, 32)));
        await MemoAssert.OkAsync(login);
        Assert.Equal(401, (int)replay.StatusCode);
    }

    /// <summary>The same signature with s replaced by n − s and the recovery id flipped.</summary>
    private static byte[] Mirror(byte[] rsv)
    {
        var s = new BigInteger(rsv.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var mirrored = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = (byte[])rsv.Clone();
        Array.Clear(result, 32, 32);
        mirrored.CopyTo(result, 64 - mirrored.Length);
        result[64] = (byte)(rsv[64] == 27 ? 28 : 27);
        return result;
    }
}
