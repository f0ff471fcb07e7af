using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Ipfs.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionsGateway.Core.Tests.Ipfs.Rpc;

public sealed class AddParametersTests
{
    [Fact]
    public void Parse_NoOptions_KubosDefaults()
    {
        var parameters = Parse("");

        Assert.Equal(UnixFsProfile.ForKubo(), parameters.Profile);
        Assert.Equal((true, false, false, false, false), (parameters.Pin, parameters.OnlyHash, parameters.WrapWithDirectory, parameters.Progress, parameters.Silent));
    }

    [Theory]
    [InlineData("cid-version=1", 1, 262_144, 174, true)]
    [InlineData("cid-version=1&raw-leaves=false", 1, 262_144, 174, false)]
    [InlineData("raw-leaves", 0, 262_144, 174, true)]
    [InlineData("chunker=size-1024&max-file-links=1024", 0, 1024, 1024, false)]
    public void Parse_ProfileOptions_TheProfile(string query, int version, int chunk, int links, bool rawLeaves)
    {
        var profile = Parse(query).Profile;

        Assert.Equal((version, chunk, links, rawLeaves), (profile.CidVersion, profile.ChunkSize, profile.MaxLinks, profile.RawLeaves));
    }

    [Theory]
    [InlineData("pin=false&only-hash=1&wrap-with-directory=T&progress=true&silent=True&quiet=true&quieter=true")]
    public void Parse_Flags_GoBooleans(string query)
    {
        var parameters = Parse(query);

        Assert.Equal((false, true, true, true, true), (parameters.Pin, parameters.OnlyHash, parameters.WrapWithDirectory, parameters.Progress, parameters.Silent));
    }

    [Theory]
    [InlineData("hash=blake2b-256", "hash function \"blake2b-256\" is not supported")]
    [InlineData("hash=sha2-512", "only sha2-256 is")]
    [InlineData("inline=true", "option \"inline\" is not supported")]
    [InlineData("nocopy=true", "option \"nocopy\" is not supported")]
    [InlineData("to-files=/x", "option \"to-files\" is not supported")]
    [InlineData("chunker=buzhash", "unsupported chunker \"buzhash\"")]
    [InlineData("chunker=size-0", "N must be a whole number")]
    [InlineData("cid-version=x", "could not convert value \"x\" of option \"cid-version\"")]
    [InlineData("max-file-links=20000", "max-file-links 20000 is outside")]
    public void Parse_Unsupported_RpcRequestException(string query, string reason)
    {
        var error = Assert.Throws<RpcRequestException>(() => Parse(query));

        Assert.Equal(400, error.Status);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static AddParameters Parse(string query) =>
        AddParameters.Parse(new RpcOptions(new QueryCollection(QueryHelpers.ParseQuery(query))));
}
