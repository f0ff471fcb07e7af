using FunctionsGateway.Benchmarks;

// dotnet run -c Release --project benchmarks/FunctionsGateway.Benchmarks -- [upload] [--size-mib 1024] [--block-mib 4]
//        [--api files|kubo-add] [--gateway-only]
//   Upload throughput: PUT /v1/files/{name} (or POST /api/v0/add with --api kubo-add) through the real handler vs a
//   direct block upload to Azurite (the default). --gateway-only runs the gateway upload once and judges the
//   handler's peak RSS alone.
// … -- cold-start [--starts 20]       time to the first 200 from /health: deployment package vs an empty ASP.NET Core app.
// … -- cid FILE [--profile SPEC]        prints the file's UnixFS CID (Kubo's `ipfs add --only-hash`).
// … -- cid-bench [--file PATH | --size-mib 1024] [--runs 5]
//   CID computation: UnixFsFileBuilder vs SHA-256 in process, and `cid FILE` vs `ipfs_cid FILE` as whole processes.
// … -- eip191-bench [--seconds 5] [--rounds 3]
//   EIP-191 verifications/s on one thread: Eip191Signer.VerifyMessage vs ethers.verifyMessage in Node (target ≥ 2×).
// … -- memo-login-bench [--seconds 20] [--clients 8]
//   SIWE logins/s (challenge + sign + login) through the real handler on Azurite, nonces in Table storage.
// … -- gw3-read [--duration 15] [--credential-cache 0]
//   HMAC-signed GET /gw3/ipfs/{cid} vs unauthenticated GET /ipfs/{cid} of a 1 KiB file, autocannon at 50 connections.
// … -- cess [--runs 50] [--size-mib 1]
//   Median latency of POST /cess/auth (captcha, then token) and of an authenticated PUT /cess/{filename}, next to
//   the same upload through PUT /v1/files/{name} with a bearer token, through the real handler on Azurite.
return args switch
{
    [Eip191Benchmark.Command, .. var rest] => await Eip191Benchmark.RunAsync(rest),
    [MemoLoginBenchmark.Command, .. var rest] => await MemoLoginBenchmark.RunAsync(rest),
    [ColdStartOptions.Command, .. var rest] => await ColdStartBenchmark.RunAsync(ColdStartOptions.Parse(rest)),
    ["cid", .. var rest] => CidCommand.Run(rest),
    ["cid-bench", .. var rest] => await CidBenchmark.RunAsync(CidBenchmarkOptions.Parse(rest)),
    ["cess", .. var rest] => await CessBenchmark.RunAsync(rest),
    ["upload", .. var rest] => await RunUploadAsync(rest),
    ["gw3-read", .. var rest] => await Gw3ReadBenchmark.RunAsync(rest),
    _ => await RunUploadAsync(args),
};

// The two paths run in the order direct, gateway, gateway, direct (ABBA), so that Azurite slowing down as it
// fills, or a busy machine, weighs on both alike; each path's figure is the mean of its two runs.
static async Task<int> RunUploadAsync(string[] args)
{
    var options = UploadBenchmarkOptions.Parse(args);
    await using var benchmark = await UploadBenchmark.StartAsync(options);
    if (options.GatewayOnly)
    {
        var once = await benchmark.GatewayUploadAsync();
        Console.WriteLine(UploadBenchmark.Report(options, [once]));
        return once.PeakRssBytes <= 200L * 1024 * 1024 ? 0 : 1;
    }

    var direct1 = await benchmark.DirectUploadAsync();
    var gateway1 = await benchmark.GatewayUploadAsync();
    var gateway2 = await benchmark.GatewayUploadAsync();
    var direct2 = await benchmark.DirectUploadAsync();
    var direct = UploadResult.Mean(direct1, direct2);
    var gateway = UploadResult.Mean(gateway1, gateway2);
    Console.WriteLine(UploadBenchmark.Report(options, [direct1, gateway1, gateway2, direct2], direct, gateway));
    return gateway.Throughput >= 0.7 * direct.Throughput && gateway.PeakRssBytes <= 200L * 1024 * 1024 ? 0 : 1;
}
