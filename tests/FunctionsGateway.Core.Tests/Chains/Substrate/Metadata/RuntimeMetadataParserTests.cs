using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Metadata;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Chains.Substrate.Scale;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Core.Tests.Chains.Substrate.Metadata;

/// <summary>Metadata V14 (<c>state_getMetadata</c>) and V15 (<c>Metadata_metadata_at_version</c>) of CESS's runtime.</summary>
[Collection(ChopsticksCollection.Name)]
public sealed class RuntimeMetadataParserTests(ChopsticksFixture chain)
{
    [Fact]
    public async Task Parse_V14FromNode_HasCessPalletsAndHashers()
    {
        var metadata = RuntimeMetadataParser.Parse(await chain.Rpc.GetMetadataAsync());

        Assert.Equal(14, metadata.Version);
        Assert.Equal(4, metadata.ExtrinsicVersion);
        AssertCessLayout(metadata);
        Assert.Equal([StorageHasher.Blake2_128Concat], metadata.FindStorage("System", "Account")!.Hashers);
        Assert.Equal([StorageHasher.Twox64Concat], metadata.FindStorage("System", "BlockHash")!.Hashers);
        Assert.Empty(metadata.FindStorage("System", "Number")!.Hashers);
        Assert.NotNull(metadata.EventEnumTypeId);
    }

    [Fact]
    public async Task Parse_V15FromRuntimeCall_MatchesV14()
    {
        // Metadata_metadata_at_version(15) -> Option<OpaqueMetadata(Vec<u8>)>
        var answer = await chain.Rpc.CallAsync("Metadata_metadata_at_version", new ScaleWriter().WriteU32(15).ToArray());
        var reader = new ScaleReader(answer);
        Assert.Equal(1, reader.ReadU8());
        var v15 = RuntimeMetadataParser.Parse(reader.ReadBytes());
        var v14 = RuntimeMetadataParser.Parse(await chain.Rpc.GetMetadataAsync());

        Assert.Equal(15, v15.Version);
        AssertCessLayout(v15);
        Assert.Equal(v14.Pallets.Select(p => (p.Name, p.Index)), v15.Pallets.Select(p => (p.Name, p.Index)));
        Assert.Equal(v14.SignedExtensions.Select(e => e.Identifier), v15.SignedExtensions.Select(e => e.Identifier));
        Assert.Equal(v14.EventEnumTypeId, v15.EventEnumTypeId);
    }

    [Fact]
    public async Task MetadataValueDecoder_FundedAccount_DecodesAccountInfo()
    {
        var account = new byte[32];
        account[0] = 0x5a;
        await chain.FundAsync(account, 123_456_789);
        var metadata = RuntimeMetadataParser.Parse(await chain.Rpc.GetMetadataAsync());
        var entry = metadata.FindStorage("System", "Account")!;
        var value = await chain.Rpc.GetStorageAsync(CessStorageKeys.SystemAccount(account));

        var info = new MetadataValueDecoder(metadata).DecodeAll(entry.ValueTypeId, value!);

        Assert.Equal(123_456_789, (long)info.Field("data")!.Field("free")!.Number);
        Assert.Equal(1, (int)info.Field("providers")!.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6d657461")]       // magic only
    [InlineData("6d6574610d00")]   // version 13
    [InlineData("00000000")]       // no magic
    public void Parse_NotV14OrV15_ThrowsFormatException(string hex) =>
        Assert.Throws<FormatException>(() => RuntimeMetadataParser.Parse(Convert.FromHexString(hex)));

    private static void AssertCessLayout(RuntimeMetadata metadata)
    {
        Assert.Empty(CessRuntimeLayout.FindMismatches(metadata));
        Assert.Equal(104, metadata.FindPallet("FileBank")!.Index);
        Assert.Equal("StorageHandler", metadata.FindPallet(107)!.Name);
        Assert.Equal(["gib_count", "territory_name", "days"], metadata.FindCall("StorageHandler", "mint_territory")!.Fields.Select(f => f.Name));
        Assert.Equal("BoundariesNotMet", metadata.FindVariant(metadata.FindPallet("StorageHandler")!.ErrorTypeId!.Value, "BoundariesNotMet")!.Name);
        Assert.Contains("CheckMqSequence", metadata.SignedExtensions.Select(e => e.Identifier));
        Assert.True(CessRuntimeLayout.UserBriefHasBucketName(metadata));
    }
}
