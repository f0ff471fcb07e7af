using FunctionsGateway.Core.Chains.Substrate.Extrinsics;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Extrinsics;

public sealed class ExtrinsicEraTests
{
    /// <summary>sp-runtime <c>generic/era.rs</c> tests: period, current block, encoding, birth block.</summary>
    [Theory]
    [InlineData(64UL, 42UL, "a502", 42UL)]          // era.rs: Era::mortal(64, 42) encodes as [165, 2]
    [InlineData(32768UL, 20000UL, "4e9c", 20000UL)]  // era.rs: quantized phase 20000 encodes as [78, 156]
    [InlineData(64UL, 3UL, "3500", 3UL)]
    [InlineData(10UL, 100UL, "4300", 100UL)]        // period rounded up to 16; phase 4, so block 100 is its own birth
    public void Mortal_PeriodAndBlock_EncodesAsEraRs(ulong period, ulong current, string encoding, ulong birth)
    {
        var era = ExtrinsicEra.Mortal(period, current);
        Assert.Equal(encoding, Convert.ToHexStringLower(era.Encode()));
        Assert.Equal(era, ExtrinsicEra.Decode(Convert.FromHexString(encoding)));
        Assert.Equal(birth, era.BirthBlock(current));
    }

    [Fact]
    public void Immortal_EncodesAsZero()
    {
        Assert.Equal([0], ExtrinsicEra.Immortal.Encode());
        Assert.True(ExtrinsicEra.Decode([0]).IsImmortal);
    }
}
