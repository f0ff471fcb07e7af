using FunctionsGateway.Core.Ipfs.Gateway;

namespace FunctionsGateway.Core.Tests.Ipfs.Gateway;

public sealed class GatewayResponseFormatTests
{
    [Theory]
    [InlineData(null, null, null, "Deserialized", false, false)]
    [InlineData(null, "text/html,application/xhtml+xml,*/*;q=0.8", null, "Deserialized", false, false)]
    [InlineData("raw", null, null, "Raw", false, false)]
    [InlineData("car", null, null, "Car", false, false)]
    [InlineData("car", null, "y", "Car", true, false)]
    [InlineData("car", "application/vnd.ipld.car; dups=y", null, "Car", true, false)]
    [InlineData("raw", "application/vnd.ipld.car", null, "Raw", false, false)]
    [InlineData(null, "application/vnd.ipld.raw", null, "Raw", false, true)]
    [InlineData(null, "application/vnd.ipld.car; version=1; order=dfs; dups=y", null, "Car", true, true)]
    [InlineData(null, "application/vnd.ipld.car; order=unk", null, "Car", false, true)]
    [InlineData(null, "application/vnd.ipld.car;version=2, application/vnd.ipld.raw;q=0.5", null, "Raw", false, true)]
    [InlineData(null, "application/x-tar, */*;q=0.1", null, "Deserialized", false, false)]
    [InlineData(null, "text/html;q=0.2, application/vnd.ipld.raw", null, "Raw", false, true)]
    public void TryNegotiate_Request_TheFormat(string? format, string? accept, string? carDups, string kind, bool duplicates, bool fromAccept)
    {
        Assert.True(GatewayResponseFormat.TryNegotiate(format, accept, null, null, carDups, out var result, out _, out var error), error);

        Assert.Equal(new GatewayResponseFormat(Enum.Parse<GatewayResponseKind>(kind), duplicates, fromAccept), result);
    }

    [Theory]
    [InlineData("tar", null, null, 400, "format=tar is not supported")]
    [InlineData("html", null, null, 400, "unknown format \"html\"")]
    [InlineData("car", null, "2", 400, "CAR version 2 is not supported")]
    [InlineData(null, "application/x-tar", null, 406, "none of the types in Accept")]
    [InlineData(null, "application/vnd.ipld.car; order=bfs", null, 406, "none of the types in Accept")]
    public void TryNegotiate_Unsatisfiable_400Or406(string? format, string? accept, string? carVersion, int status, string reason)
    {
        Assert.False(GatewayResponseFormat.TryNegotiate(format, accept, carVersion, null, null, out _, out var actual, out var error));

        Assert.Equal(status, actual);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CarContentType_EveryParameter()
    {
        Assert.Equal("application/vnd.ipld.car; version=1; order=dfs; dups=n", new GatewayResponseFormat(GatewayResponseKind.Car).CarContentType);
        Assert.Equal("application/vnd.ipld.car; version=1; order=dfs; dups=y", new GatewayResponseFormat(GatewayResponseKind.Car, true).CarContentType);
    }
}
