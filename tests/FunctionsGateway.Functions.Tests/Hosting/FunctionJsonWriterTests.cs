using System.Text.Json;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Tests.Hosting;

public sealed class FunctionJsonWriterTests
{
    [Fact]
    public void Serialize_HttpFunction_HttpTriggerWithRouteMethodsAndHttpOutput()
    {
        var json = JsonDocument.Parse(FunctionJsonWriter.Serialize(new FunctionDefinition("FilesGet", "v1/files/{id}", ["get", "head"], null))).RootElement;

        var bindings = json.GetProperty("bindings");
        Assert.Equal(2, bindings.GetArrayLength());
        var trigger = bindings[0];
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("in", trigger.GetProperty("direction").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("v1/files/{id}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "head"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("http", bindings[1].GetProperty("type").GetString());
        Assert.Equal("out", bindings[1].GetProperty("direction").GetString());
    }

    [Fact]
    public void Serialize_QueueFunction_QueueTriggerOnTheHostStorage()
    {
        var json = JsonDocument.Parse(FunctionJsonWriter.Serialize(new FunctionDefinition("PushWorker", "PushWorker", ["post"], "push"))).RootElement;

        var trigger = Assert.Single(json.GetProperty("bindings").EnumerateArray());
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("message", trigger.GetProperty("name").GetString());
        Assert.Equal("push", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Write_StaleFunctionFolder_RemovedOthersKept()
    {
        var root = Directory.CreateTempSubdirectory("fg-functions-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Gone"));
            File.WriteAllText(Path.Combine(root, "Gone", "function.json"), "{}");
            Directory.CreateDirectory(Path.Combine(root, "runtimes"));

            FunctionJsonWriter.Write(root, [new FunctionDefinition("Kept", "kept", ["get"], null)]);

            Assert.False(Directory.Exists(Path.Combine(root, "Gone")));
            Assert.True(Directory.Exists(Path.Combine(root, "runtimes")));
            Assert.True(File.Exists(Path.Combine(root, "Kept", "function.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
