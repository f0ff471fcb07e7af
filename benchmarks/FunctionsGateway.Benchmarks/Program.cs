using FunctionsGateway.Benchmarks;

// Upload throughput: PUT /v1/files/{name} through the real handler vs a direct block upload to Azurite.
// Usage: dotnet run -c Release --project benchmarks/FunctionsGateway.Benchmarks -- [--size-mib 1024] [--block-mib 4]
// The two paths run in the order direct, gateway, gateway, direct (ABBA), so that Azurite slowing down as it
// fills, or a busy machine, weighs on both alike; each path's figure is the mean of its two runs.
var options = UploadBenchmarkOptions.Parse(args);
await using var benchmark = await UploadBenchmark.StartAsync(options);
var direct1 = await benchmark.DirectUploadAsync();
var gateway1 = await benchmark.GatewayUploadAsync();
var gateway2 = await benchmark.GatewayUploadAsync();
var direct2 = await benchmark.DirectUploadAsync();
var direct = UploadResult.Mean(direct1, direct2);
var gateway = UploadResult.Mean(gateway1, gateway2);
Console.WriteLine(UploadBenchmark.Report(options, [direct1, gateway1, gateway2, direct2], direct, gateway));
return gateway.Throughput >= 0.7 * direct.Throughput && gateway.PeakRssBytes <= 200L * 1024 * 1024 ? 0 : 1;
