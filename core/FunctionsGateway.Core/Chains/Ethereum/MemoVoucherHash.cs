using System.Buffers.Binary;
using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// MEMO's storage/traffic voucher ("check") hash, compat §2.6:
/// <c>keccak256(payAddr[20] ‖ leftpad32(nonce) ‖ BE64(sizeByte) ‖ seller[20])</c>. The user signs the raw
/// hash with no EIP-191 prefix; the seller later cashes it through <c>cashSpaceCheck</c>/<c>cashTrafficCheck</c> (§2.7).
/// </summary>
public static class MemoVoucherHash
{
    /// <summary>Computes the 32-byte hash.</summary>
    /// <param name="payAddress">The StorePay contract (space) or the ReadPay contract (traffic).</param>
    /// <param name="nonce">The <c>nonce</c> of the user's <c>spacePayInfo</c>/<c>trafficPayInfo</c>, 0 ≤ nonce &lt; 2^256.</param>
    /// <param name="sizeByte">The check size in bytes.</param>
    /// <param name="seller">The gateway's wallet address.</param>
    public static byte[] Compute(EthereumAddress payAddress, BigInteger nonce, ulong sizeByte, EthereumAddress seller)
    {
        if (nonce.Sign < 0 || nonce.GetBitLength() > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(nonce), "The nonce is a uint256.");
        }

        Span<byte> preimage = stackalloc byte[20 + 32 + 8 + 20];
        preimage.Clear();
        payAddress.Bytes.CopyTo(preimage);
        nonce.TryWriteBytes(preimage.Slice(20 + 32 - nonce.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        BinaryPrimitives.WriteUInt64BigEndian(preimage.Slice(52, 8), sizeByte);
        seller.Bytes.CopyTo(preimage[60..]);
        return Keccak256.Hash(preimage);
    }
}
