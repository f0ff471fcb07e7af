using FunctionsGateway.Core.Memo;

namespace FunctionsGateway.Core.Tests.Memo;

public sealed class MemoErrorTests
{
    [Theory]
    [InlineData(MemoErrorKind.Internal, 500, "InternalError", "We encountered an internal error, please try again.")]
    [InlineData(MemoErrorKind.NotImplemented, 501, "NotImplemented", "A header you provided implies functionality that is not implemented")]
    [InlineData(MemoErrorKind.Storage, 516, "Storage", "Error storing file")]
    [InlineData(MemoErrorKind.Address, 517, "Address", "Address Error")]
    [InlineData(MemoErrorKind.StorageNotSupport, 518, "Storage", "Storage Error")]
    [InlineData(MemoErrorKind.Authentication, 401, "Authentication", "Authentication Failed")]
    [InlineData(MemoErrorKind.Contract, 519, "contract", "contract Error")]
    [InlineData(MemoErrorKind.Eth, 520, "Eth", "Eth Error")]
    [InlineData(MemoErrorKind.Server, 521, "ServerError", "Server Error")]
    [InlineData(MemoErrorKind.Gateway, 522, "GatewayError", "Gateway Error")]
    [InlineData(MemoErrorKind.Config, 523, "ConfigError", "Config Error")]
    [InlineData(MemoErrorKind.DataBase, 524, "DataBaseError", "DataBase Error")]
    [InlineData(MemoErrorKind.Controller, 525, "ControllerError", "Controller Error")]
    [InlineData(MemoErrorKind.Permission, 526, "Permission", "You don't have access to the resource")]
    [InlineData(MemoErrorKind.Wallet, 527, "Wallet", "Wallet error")]
    [InlineData(MemoErrorKind.InvalidRequest, 400, "InvalidRequest", "Invalid request")]
    public void Describe_EachKind_CompatTableStatusCodeAndBase(MemoErrorKind kind, int status, string code, string description)
    {
        var error = new MemoError(kind, "detail");

        Assert.Equal((status, code, description), MemoError.Describe(kind));
        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal(description + " (detail)", error.Description);
    }

    [Fact]
    public void Describe_EveryKind_HasItsOwnRowNotTheDefault()
    {
        var kinds = Enum.GetValues<MemoErrorKind>().Where(k => k != MemoErrorKind.Internal);

        Assert.All(kinds, k => Assert.NotEqual(500, MemoError.Describe(k).Status));
    }

    [Fact]
    public void Description_InvalidToken_CompatExample()
    {
        Assert.Equal("Authentication Failed (Invalid token)", new MemoError(MemoErrorKind.Authentication, "Invalid token").Description);
    }
}
