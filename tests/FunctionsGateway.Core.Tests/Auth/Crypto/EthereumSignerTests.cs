using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Auth.Crypto;

public sealed class EthereumSignerTests
{
    private static readonly byte[] Key = Convert.FromHexString("4646464646464646464646464646464646464646464646464646464646464646");

    [Theory]
    [InlineData(SignatureVForm.RecoveryId)]
    [InlineData(SignatureVForm.Legacy)]
    public void RecoverAddress_EitherVForm_RecoversSignerAndReportsForm(SignatureVForm form)
    {
        var hash = Keccak256.Hash("raw hash, no prefix"u8);
        var signature = EthereumSigner.Sign(hash, Key, form);

        var recovery = EthereumSigner.RecoverAddress(hash, signature);

        Assert.True(recovery.IsValid);
        Assert.Equal(EthereumAddress.FromPrivateKey(Key), recovery.Address);
        Assert.Equal(form, recovery.VForm);
        Assert.Contains(signature[64], form == SignatureVForm.Legacy ? new byte[] { 27, 28 } : [0, 1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void RecoverAddress_OtherV_ReportsInvalidRecoveryId(byte v)
    {
        var hash = Keccak256.Hash("v"u8);
        var signature = EthereumSigner.Sign(hash, Key);
        signature[64] = v;

        Assert.Equal(SignatureStatus.InvalidRecoveryId, EthereumSigner.RecoverAddress(hash, signature).Status);
    }

    [Fact]
    public void RecoverAddress_WrongLength_ReportsInvalidLength()
    {
        Assert.Equal(SignatureStatus.InvalidLength, EthereumSigner.RecoverAddress(new byte[32], new byte[64]).Status);
    }

    [Fact]
    public void RecoverAddress_MemoVoucherSignedRaw_RecoversSigner()
    {
        // compat §2.6: the client signs the raw voucher hash, and the gateway accepts v as 0/1 or 27/28.
        var hash = MemoVoucherHash.Compute(
            EthereumAddress.Parse("0x1111111111111111111111111111111111111111"), 5, 1048576,
            EthereumAddress.Parse("0x2222222222222222222222222222222222222222"));
        var signature = EthereumSigner.Sign(hash, Key, SignatureVForm.RecoveryId);

        Assert.Equal(EthereumAddress.FromPrivateKey(Key), EthereumSigner.RecoverAddress(hash, signature).Address);
    }

    [Fact]
    public void TryDecodeHex_PrefixedAndBare_DecodesBoth()
    {
        var signature = EthereumSigner.Sign(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray(), Key);
        var hex = Convert.ToHexStringLower(signature);

        Assert.True(EthereumSigner.TryDecodeHex("0x" + hex, out var prefixed));
        Assert.True(EthereumSigner.TryDecodeHex(hex, out var bare));
        Assert.Equal(signature, prefixed);
        Assert.Equal(signature, bare);
        Assert.False(EthereumSigner.TryDecodeHex("0x" + hex[..^2], out _));
        Assert.False(EthereumSigner.TryDecodeHex("0x" + hex[..^1] + "g", out _));
    }
}
