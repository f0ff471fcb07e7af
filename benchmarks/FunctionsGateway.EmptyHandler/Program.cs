using System.Globalization;
using System.Net;

// The empty ASP.NET Core minimal app the cold-start benchmark compares the gateway with: the same launch
// contract (127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT, GET / for readiness) and a /health that answers 200.
var builder = WebApplication.CreateBuilder(args);
var port = int.Parse(builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? "7071", CultureInfo.InvariantCulture);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

var app = builder.Build();
app.MapGet("/", () => Results.Ok());
app.MapGet("/health", () => Results.Ok());
app.Run();
