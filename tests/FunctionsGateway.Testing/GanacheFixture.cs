using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Chains.Ethereum;
using FunctionsGateway.Core.Chains.Ethereum.Rpc;
using FunctionsGateway.Core.Storage.Emulator;
using Xunit;
using FunctionsGateway.Core.Tooling;

namespace FunctionsGateway.Testing;

/// <summary>
/// One real ganache 7.9.2 dev chain per test collection (<c>--wallet.deterministic</c>, on a free loopback port),
/// started from the pinned packages in <c>tests/peers/ethereum</c> (installed with <c>npm ci</c> on first use),
/// plus the project's test contracts compiled once by solc-js. Transactions go through the project's own
/// signing and <see cref="EthereumRpcClient"/>. Fails with a message saying what is missing.
/// </summary>
public sealed class GanacheFixture : IAsyncLifetime
{
    /// <summary>Private keys of ganache's deterministic accounts 0–9 (public knowledge, development only).</summary>
    public static readonly IReadOnlyList<string> DevelopmentKeys =
    [
        "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d",
        "6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1",
        "6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c",
        "646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913",
        "add53f9a7e588d003326d1cbf9e4a43c061aadd9bc938c843a79e7b4fd2ad743",
        "395df67f0c2d2d9fe1ad08d1bc8b6627011959b79c53d7dd6a3536a33ab8a4fd",
        "e485d098507f54e7733a205420dfddbe58db035fa577fc294ebd14db90767a52",
        "a453611d9419d0e56f499079478fd72c37b251a94bfde4d19872c44cf65386e3",
        "829e924fdf021ba3dbbc4225edfece9aca04b929d6e75613329ca6f1d31c0bb4",
        "b0057716d5917badaf911b193b12b910811c1497b5bada8d7711f758981c3773",
    ];

    private static readonly string Marker = Path.Combine("node_modules", "ganache", "dist", "node", "cli.js");

    private Process? _process;
    private HttpClient? _http;
    private EthereumRpcClient? _client;
    private IReadOnlyDictionary<string, CompiledContract>? _contracts;

    /// <summary>The chain's HTTP endpoint.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Our client, pointed at the chain (receipt polling every 50 ms).</summary>
    public EthereumRpcClient Client => _client ?? throw new InvalidOperationException("ganache has not started.");

    /// <summary>The chain id (ganache's default 1337).</summary>
    public ulong ChainId { get; private set; }

    /// <summary>The test contracts by name.</summary>
    public IReadOnlyDictionary<string, CompiledContract> Contracts => _contracts ?? throw new InvalidOperationException("The contracts were not compiled.");

    /// <summary>The private key of deterministic account <paramref name="index"/>.</summary>
    public static byte[] Key(int index) => Convert.FromHexString(DevelopmentKeys[index]);

    public async Task InitializeAsync()
    {
        var directory = RepositoryPaths.EthereumPeers;
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(directory, Marker);
            var port = FreePorts.Next();
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            var compile = CompileAsync(directory);
            _process = Start(directory, port);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await AzuriteProcess.IsListeningAsync(port))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"ganache exited with code {_process.ExitCode} before port {port} answered.");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"ganache did not listen on port {port} within 60 s.");
                }

                await Task.Delay(100);
            }

            _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _client = new EthereumRpcClient(_http, new EthereumRpcOptions { Endpoint = Endpoint, ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
            ChainId = await _client.GetChainIdAsync();
            _contracts = await compile;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "ganache could not start or the test contracts could not compile: the tests need Node.js >= 20 and npm on PATH " +
                $"and the npm registry reachable for the first 'npm ci' in {directory}. {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_process is { } process)
        {
            using (process)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
    }

    /// <summary>Deploys a compiled contract with an EIP-1559 transaction signed by <paramref name="key"/>; returns its address.</summary>
    public async Task<EthereumAddress> DeployAsync(string contract, byte[] key, IReadOnlyList<string> constructorTypes, IReadOnlyList<object?> constructorArguments)
    {
        var init = Contracts[contract].Bytecode.Concat(AbiEncoder.Encode(constructorTypes, constructorArguments)).ToArray();
        var receipt = await SendAsync(key, null, init);
        Assert.True(receipt.Succeeded, $"Deploying {contract} failed.");
        return receipt.ContractAddress ?? throw new InvalidOperationException($"Deploying {contract} created no contract.");
    }

    /// <summary>
    /// Builds, signs (ours) and sends a transaction — EIP-1559 unless <paramref name="legacy"/> — with the gas the
    /// node estimates and the pending nonce, then waits for its receipt.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync(byte[] key, EthereumAddress? to, ReadOnlyMemory<byte> data, BigInteger value = default, bool legacy = false)
    {
        var from = EthereumAddress.FromPrivateKey(key);
        var nonce = await Client.GetTransactionCountAsync(from, BlockParameter.Pending);
        var gas = await Client.EstimateGasAsync(new EthereumCallRequest { From = from, To = to, Data = data, Value = value });
        var gasLimit = gas + (gas / 5);
        EthereumTransaction transaction;
        if (legacy)
        {
            transaction = new LegacyTransaction
            {
                ChainId = ChainId, Nonce = nonce, GasPrice = await Client.GetGasPriceAsync(), GasLimit = gasLimit, To = to, Value = value, Data = data,
            };
        }
        else
        {
            var fees = await Client.GetFeeHistoryAsync(1, BlockParameter.Latest, []);
            var tip = BigInteger.Pow(10, 9);
            transaction = new Eip1559Transaction
            {
                ChainId = ChainId, Nonce = nonce, MaxPriorityFeePerGas = tip, MaxFeePerGas = (fees.BaseFeePerGas[^1] * 2) + tip,
                GasLimit = gasLimit, To = to, Value = value, Data = data,
            };
        }

        var hash = await Client.SendTransactionAsync(transaction.Sign(key));
        return await Client.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30));
    }

    private static Process Start(string directory, int port)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Marker, "--server.host", "127.0.0.1", "--server.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--logging.quiet", "--wallet.deterministic",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for ganache.");
        // Drain the pipes so that ganache never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<IReadOnlyDictionary<string, CompiledContract>> CompileAsync(string directory)
    {
        var output = await NodePackages.RunNodeAsync(directory, "compile.mjs", [], null, TimeSpan.FromMinutes(2));
        return JsonNode.Parse(output)!.AsObject().ToDictionary(
            p => p.Key,
            p => new CompiledContract(p.Key, p.Value!["abi"]!.AsArray(), EthereumHex.DecodeData((string)p.Value["bytecode"]!)));
    }
}
