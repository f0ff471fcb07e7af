using FunctionsGateway.Core.Chains.Ethereum;

namespace FunctionsGateway.Core.Tests.Chains.Ethereum;

public sealed class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("bytes32", "bytes32", false, 32)]
    [InlineData("string", "string", true, 32)]
    [InlineData("address[3]", "address[3]", false, 96)]
    [InlineData("uint8[][2]", "uint8[][2]", true, 32)]
    [InlineData("tuple(uint64 time, uint8 kind)[]", "(uint64,uint8)[]", true, 32)]
    [InlineData("(uint64,uint8)[2]", "(uint64,uint8)[2]", false, 128)]
    [InlineData("(uint64,(bytes,bool))", "(uint64,(bytes,bool))", true, 32)]
    [InlineData("()", "()", false, 0)]
    public void Parse_TypeName_GivesCanonicalNameAndLayout(string name, string canonical, bool isDynamic, int headSize)
    {
        var type = AbiType.Parse(name);

        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(isDynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(canonical, AbiType.Parse(type.CanonicalName).CanonicalName);
    }

    [Theory]
    [InlineData("uint0")]
    [InlineData("uint08")]
    [InlineData("int257")]
    [InlineData("bytes")]
    [InlineData("address payable[")]
    [InlineData("tuple(")]
    [InlineData("string extra")]
    public void Parse_NotAType_ThrowsFormatException(string name)
    {
        if (name == "bytes")
        {
            // The dynamic type is valid; only a malformed size is not.
            Assert.Equal(AbiTypeKind.Bytes, AbiType.Parse(name).Kind);
            return;
        }

        Assert.Throws<FormatException>(() => AbiType.Parse(name));
    }
}
