using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class AbiFunctionTests
{
    [Theory]
    [MemberData(nameof(AbiTestVectors.Calls), MemberType = typeof(AbiTestVectors))]
    public void EncodeCall_SolidityDocsExample_MatchesWords(string declaration, object?[] arguments, string selector, string[] words)
    {
        var function = AbiFunction.Parse(declaration);

        var call = function.EncodeCall(arguments);

        Assert.Equal(selector + string.Concat(words), Convert.ToHexStringLower(call));
    }

    [Theory]
    [MemberData(nameof(AbiTestVectors.Calls), MemberType = typeof(AbiTestVectors))]
    public void DecodeCall_SolidityDocsExample_ReencodesToSameBytes(string declaration, object?[] arguments, string selector, string[] words)
    {
        _ = arguments;
        var function = AbiFunction.Parse(declaration);
        var call = Convert.FromHexString(selector + string.Concat(words));

        Assert.Equal(call, function.EncodeCall(function.DecodeCall(call)));
    }

    [Theory]
    [MemberData(nameof(AbiTestVectors.Selectors), MemberType = typeof(AbiTestVectors))]
    public void Selector_MemoContractFunction_MatchesCompatSelector(string signature, string selector)
    {
        var function = AbiFunction.Parse(signature);

        Assert.Equal(signature, function.Signature);
        Assert.Equal(selector, Convert.ToHexStringLower(function.Selector));
    }

    [Fact]
    public void Parse_HumanReadableWithNamesAndReturns_KeepsCanonicalSignatureAndOutputs()
    {
        var function = AbiFunction.Parse(
            "function storeGetPkgInfos() external view returns (tuple(uint64 time, uint8 kind, uint256 buysize, uint256 amount, uint8 state)[] memory infos)");

        Assert.Equal("storeGetPkgInfos()", function.Signature);
        Assert.Equal("(uint64,uint8,uint256,uint256,uint8)[]", Assert.Single(function.Outputs).CanonicalName);
        Assert.Equal(["time", "kind", "buysize", "amount", "state"], function.Outputs[0].Element!.ComponentNames);
    }

    [Fact]
    public void DecodeOutput_PkgSizeWords_ReturnsFourIntegers()
    {
        var function = AbiFunction.Parse("getPkgSize(address owner, uint8 kind) view returns (uint256, uint256, uint256, uint64)");
        var output = AbiEncoder.Encode(function.Outputs, [new BigInteger(1) << 40, 7, 0, 12UL]);

        var values = function.DecodeOutput(output);

        Assert.Equal([new BigInteger(1) << 40, new BigInteger(7), BigInteger.Zero, new BigInteger(12)], values.Cast<BigInteger>());
    }

    [Fact]
    public void DecodeCall_OtherSelector_ThrowsFormatException()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");

        Assert.Throws<FormatException>(() => transfer.DecodeCall(approve.EncodeCall(EthereumAddress.Zero, 1)));
    }

    [Theory]
    [InlineData("f(uint7)")]
    [InlineData("f(uint264)")]
    [InlineData("f(bytes33)")]
    [InlineData("f(bytes0)")]
    [InlineData("f(uint256")]
    [InlineData("f(address[)")]
    [InlineData("f(fixed128x18)")]
    [InlineData("f(uint) returns")]
    [InlineData("f(uint) mutable")]
    public void Parse_Malformed_ThrowsFormatException(string declaration)
    {
        Assert.Throws<FormatException>(() => AbiFunction.Parse(declaration));
    }
}
