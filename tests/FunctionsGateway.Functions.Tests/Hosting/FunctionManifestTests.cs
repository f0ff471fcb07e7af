using FunctionsGateway.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class FunctionManifestTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Read_GatewayEndpoints_EveryRouteButReadinessIsOneFunction()
    {
        await using var app = new GatewayApplication(azurite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>();

        var functions = FunctionManifest.Read([endpoints]);

        var routed = endpoints.Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText != "/").ToList();
        Assert.Equal(routed.Count, functions.Count);
        Assert.Contains(functions, f => f is { Name: "FilesPut", Route: "v1/files/{name}" } && f.Methods.SequenceEqual(["put"]));
        Assert.Contains(functions, f => f is { Name: "FilesGet", Route: "v1/files/{id}" } && f.Methods.SequenceEqual(["get", "head"]));
        Assert.Contains(functions, f => f is { Name: "Health", Route: "health" });
        Assert.Contains(functions, f => f is { Name: "IpfsGet", Route: "ipfs/{cid}" } && f.Methods.SequenceEqual(["get", "head"]));
        Assert.Contains(functions, f => f is { Name: "IpfsGetPath", Route: "ipfs/{cid}/{*path}" } && f.Methods.SequenceEqual(["get", "head"]));
        Assert.Contains(functions, f => f is { Name: "KuboAdd", Route: "api/v0/add" } && f.Methods.SequenceEqual(["post"]));
        Assert.Contains(functions, f => f is { Name: "OpenApiDocument", Route: "openapi/v1.json" });
        Assert.Contains(functions, f => f.Name == "PushWorker" && f.QueueName!.EndsWith("push", StringComparison.Ordinal));
        Assert.Contains(functions, f => f.Name == "PinWorker" && f.QueueName!.EndsWith("pins", StringComparison.Ordinal));
        Assert.Contains(functions, f => f is { Name: "PsaListPins", Route: "psa/pins" } && f.Methods.SequenceEqual(["get"]));
        Assert.Contains(functions, f => f is { Name: "PsaAddPin", Route: "psa/pins" } && f.Methods.SequenceEqual(["post"]));
        Assert.Contains(functions, f => f is { Name: "PsaGetPin", Route: "psa/pins/{requestid}" } && f.Methods.SequenceEqual(["get"]));
        Assert.Contains(functions, f => f is { Name: "PsaReplacePin", Route: "psa/pins/{requestid}" } && f.Methods.SequenceEqual(["post"]));
        Assert.Contains(functions, f => f is { Name: "PsaRemovePin", Route: "psa/pins/{requestid}" } && f.Methods.SequenceEqual(["delete"]));
        Assert.DoesNotContain(functions, f => f.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || f.Route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BuildOutput_FunctionFolders_MatchTheMappedFunctionsOneToOne()
    {
        await using var app = new GatewayApplication(azurite, new Dictionary<string, string?> { ["Gateway:Storage:ResourcePrefix"] = "" });
        var functions = FunctionManifest.Read([app.Services.GetRequiredService<EndpointDataSource>()]);
        var output = HandlerBuildOutput.Directory;

        var folders = Directory.EnumerateDirectories(output)
            .Where(d => File.Exists(Path.Combine(d, FunctionJsonWriter.FileName)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(functions.Select(f => f.Name), folders);
        foreach (var function in functions)
        {
            Assert.Equal(FunctionJsonWriter.Serialize(function), await File.ReadAllBytesAsync(Path.Combine(output, function.Name, FunctionJsonWriter.FileName)));
        }

        Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is not in the app root");
    }

    [Theory]
    [InlineData("/admin/x")]
    [InlineData("/Runtime/x")]
    [InlineData("/administration")]
    public void Read_ReservedRoutePrefix_Throws(string route)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReadOf(app => app.MapGet(route, () => "x").AsFunction("F")));
        Assert.Contains("reserves", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameTemplateAndMethod_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReadOf(app =>
        {
            app.MapGet("/a/{id}", () => "x").AsFunction("One");
            app.MapMethods("/A/{id}", ["GET", "PUT"], () => "y").AsFunction("Two");
        }));
        Assert.Contains("share the route", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameTemplateDisjointMethods_Allowed()
    {
        var functions = ReadOf(app =>
        {
            app.MapGet("/a/{id}", () => "x").AsFunction("One");
            app.MapDelete("/a/{id}", () => "y").AsFunction("Two");
        });
        Assert.Equal(["One", "Two"], functions.Select(f => f.Name));
    }

    [Fact]
    public void Read_EndpointNotDeclaredAsFunction_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReadOf(app => app.MapGet("/hidden", () => "x")));
        Assert.Contains("'hidden' is not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ReadOf(app =>
        {
            app.MapGet("/a", () => "x").AsFunction("Same");
            app.MapGet("/b", () => "y").AsFunction("same");
        }));
    }

    [Fact]
    public void Read_HttpRouteCapturingAQueueFunction_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ReadOf(app =>
        {
            app.MapPost("/Worker", () => "x").AsQueueFunction("Worker", "jobs");
            app.MapGet("/worker", () => "y").AsFunction("Other");
        }));
    }

    private static IReadOnlyList<FunctionDefinition> ReadOf(Action<WebApplication> map)
    {
        var app = WebApplication.CreateBuilder().Build();
        map(app);
        return FunctionManifest.Read(((IEndpointRouteBuilder)app).DataSources);
    }
}
