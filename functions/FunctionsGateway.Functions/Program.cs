using FunctionsGateway.Core;
using FunctionsGateway.Functions.Functions;
using FunctionsGateway.Functions.Functions.Cess;
using FunctionsGateway.Functions.Functions.Decoo;
using FunctionsGateway.Functions.Functions.Files;
using FunctionsGateway.Functions.Functions.Gw3;
using FunctionsGateway.Functions.Functions.Ipfs;
using FunctionsGateway.Functions.Functions.Kubo;
using FunctionsGateway.Functions.Functions.Memo;
using FunctionsGateway.Functions.Functions.Ops;
using FunctionsGateway.Functions.Functions.Platform;
using FunctionsGateway.Functions.Functions.Psa;
using FunctionsGateway.Functions.Functions.Queues;
using FunctionsGateway.Functions.Functions.Uploads;
using FunctionsGateway.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHandlerHosting();
builder.Services.AddGatewayCore(builder.Configuration);
builder.Services.AddGatewayFunctions();

var app = builder.Build();
app.UseHandlerHosting();
app.MapPlatformFunctions();
app.MapOpsFunctions();
app.MapFilesFunctions();
app.MapTusFunctions();
app.MapDirectUploadFunctions();
app.MapIpfsFunctions();
app.MapKuboFunctions();
app.MapMemoFunctions();
app.MapGw3Functions();
app.MapDecooFunctions();
app.MapPsaFunctions();
app.MapCessFunctions();
app.MapQueueFunctions();

if (!FunctionJsonCommand.TryRun(app))
{
    app.Run();
}

/// <summary>The handler's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
