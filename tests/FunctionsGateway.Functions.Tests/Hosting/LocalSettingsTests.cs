using FunctionsGateway.Functions.Hosting;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Hosting;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Read_Values_DoubleUnderscoreBecomesSectionSeparator()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                { "IsEncrypted": false,
                  // comments are allowed, as Core Tools allows them
                  "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Gateway__Operator__Key": "k", "Gateway__Uploads__BlockSizeBytes": 65536 } }
                """);

            var values = LocalSettings.Read(path);

            Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
            Assert.Equal("k", values["Gateway:Operator:Key"]);
            Assert.Equal("65536", values["Gateway:Uploads:BlockSizeBytes"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TheExampleSettings_RunAsTheyAre()
    {
        var values = LocalSettings.Read(Path.Combine(RepositoryPaths.Root, LocalSettings.ExampleFileName));

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("dev-operator-key", values["Gateway:Operator:Key"]);
        Assert.Equal("local", values["Gateway:Backend:Default"]);
        Assert.Equal("Custom", values["FUNCTIONS_WORKER_RUNTIME"]);
    }
}
