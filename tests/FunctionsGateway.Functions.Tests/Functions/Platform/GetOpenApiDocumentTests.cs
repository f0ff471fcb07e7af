using System.Text.Json;
using FunctionsGateway.Functions.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Functions.Platform;

[Collection(AzuriteCollection.Name)]
public sealed class GetOpenApiDocumentTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OpenApi_Document_DescribesEveryHttpFunction()
    {
        await using var app = new GatewayApplication(azurite);
        using var client = app.CreateClient();

        var document = await GatewayApplication.ReadJsonAsync(await client.GetAsync("/openapi/v1.json"));
        var functions = FunctionManifest.Read([app.Services.GetRequiredService<EndpointDataSource>()]);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var function in functions.Where(f => !f.IsQueueTrigger && f.Name != GetOpenApiDocumentName))
        {
            // OpenAPI has no catch-all parameter: {*path} is written {path}.
            var route = "/" + function.Route.Replace("{*", "{", StringComparison.Ordinal);
            Assert.True(paths.TryGetProperty(route, out var path), $"{function.Name}: {route} is not in the document");
            foreach (var method in function.Methods)
            {
                Assert.True(path.TryGetProperty(method, out _), $"{function.Name}: {method} /{function.Route} is not in the document");
            }
        }

        Assert.False(paths.TryGetProperty("/PushWorker", out _));
        Assert.Contains("FilesPut", document.GetRawText(), StringComparison.Ordinal);
    }

    private const string GetOpenApiDocumentName = "OpenApiDocument";
}
