using System.Globalization;
using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Chain;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// Query parameters of the chain routes, parsed as the original's <c>strconv</c> calls did; a bad one is 400
/// InvalidRequest with Go's message (the original answered its default 500 InternalError).
/// </summary>
internal static class MemoQuery
{
    /// <summary><c>size</c>: a decimal uint64.</summary>
    public static ulong Size(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw new MemoException(MemoErrorKind.InvalidRequest, $"strconv.ParseUint: parsing \"{text}\": invalid syntax");

    /// <summary>A decimal amount of any size (<c>amount</c>, <c>size</c> of <c>/approve</c>).</summary>
    public static BigInteger Amount(string? text, string name) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new MemoException(MemoErrorKind.InvalidRequest, $"{name}: \"{text}\" is not a decimal number");

    /// <summary><c>type</c> of <c>/approve</c> and <c>/allowance</c>: <c>store</c> (StorePay) or <c>read</c> (ReadPay).</summary>
    public static MemoPayKind PayKind(string? text) => text switch
    {
        "store" => MemoPayKind.Space,
        "read" => MemoPayKind.Traffic,
        _ => throw new MemoException(MemoErrorKind.InvalidRequest, $"type must be read or store, not \"{text}\""),
    };

    /// <summary>An address parameter (any hex case; mixed case must carry its checksum).</summary>
    public static EthereumAddress Address(string? text) =>
        EthereumAddress.TryParse(text, out var address)
            ? address
            : throw new MemoException(MemoErrorKind.Address, string.IsNullOrEmpty(text) ? "address is null" : "invalid address " + text);
}
