using FunctionsGateway.Core.Tooling;
using System.Diagnostics;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FunctionsGateway.Core.Chains.Substrate;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Chains.Substrate.Scale;
using FunctionsGateway.Core.Storage.Emulator;
using Microsoft.Extensions.Options;
using Xunit;

namespace FunctionsGateway.Testing;

/// <summary>
/// The real CESS runtime (the wasm in CESS's testnet chain spec) under chopsticks 1.5.1 (npm
/// <c>@acala-network/chopsticks</c>, pinned in tests/peers/substrate), one per test collection, on a free
/// loopback port, configured as spec/cess.md §3.2 says: genesis mode, manual block building, and the
/// RRSC slot step before every block (<see cref="NewBlockAsync"/>). Installs the packages on first use;
/// fails with a message saying what is missing.
/// </summary>
public sealed class ChopsticksFixture : IAsyncLifetime
{
    private const string Marker = "node_modules/@acala-network/chopsticks/chopsticks.cjs";

    /// <summary>The first block's timestamp (spec/cess.md §3.2) and CESS's 6 s slot.</summary>
    private const ulong FirstTimestamp = 1_700_000_004_000;
    private const ulong SlotMilliseconds = 6000;

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _directory;

    /// <summary>The node's WebSocket endpoint.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>A client for the harness's own calls (dev_*); tests make their own clients too.</summary>
    public SubstrateRpcClient Rpc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var spec = RepositoryPaths.CessChainSpec;
        if (!File.Exists(spec))
        {
            throw new InvalidOperationException($"The CESS chain spec is missing at {spec}: the tests read it from shared/chains/cess beside the repository (or CESS_CHAIN_SPEC).");
        }

        var tool = RepositoryPaths.SubstratePeers;
        try
        {
            await NpmToolInstaller.EnsureInstalledAsync(tool, Marker);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"Chopsticks could not be installed: the tests need Node.js >= 20 and npm on PATH and the npm registry reachable for the first 'npm ci' in {tool}. {e.Message}", e);
        }

        _directory = Path.Combine(Path.GetTempPath(), "fg-chopsticks-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        var port = FreePorts.Next();
        var config = Path.Combine(_directory, "cess.yml");
        await File.WriteAllTextAsync(config, string.Join('\n',
            $"genesis: {spec}",
            $"port: {port}",
            "host: 127.0.0.1",
            "build-block-mode: Manual",
            string.Empty));

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tool, Marker));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for chopsticks; is Node.js >= 20 on PATH?");
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await AzuriteProcess.IsListeningAsync(port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chopsticks exited with code {_process.ExitCode} before listening on {port}: {Output()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Chopsticks did not listen on {port} within 120 s: {Output()}");
            }

            await Task.Delay(200);
        }

        Endpoint = $"ws://127.0.0.1:{port}";
        Rpc = CreateClient();

        // Under chopsticks the testnet genesis fills block #2 with a hook's weight (its BlockWeight proof size is
        // u64::MAX), so that every transaction for it fails with ExhaustsResources: start the tests after it.
        await NewBlockAsync();
        await NewBlockAsync();
    }

    /// <summary>A new RPC client to this chain.</summary>
    public SubstrateRpcClient CreateClient() => new(Options.Create(new SubstrateRpcOptions { Endpoint = Endpoint, RequestTimeoutSeconds = 60 }));

    /// <summary>
    /// Builds one block: sets <c>Babe.CurrentSlot</c> (CESS's RRSC pallet) to the slot of the next
    /// timestamp, and <c>Timestamp.Now</c> before the first block, then <c>dev_newBlock</c> (spec/cess.md §3.2).
    /// </summary>
    public async Task<string> NewBlockAsync()
    {
        await SetNextSlotAsync();
        var hash = await Rpc.RequestAsync("dev_newBlock", []);
        return hash.GetString()!;
    }

    /// <summary>Sets the RRSC slot for the next block, as block building and <c>system_dryRun</c> need.</summary>
    public async Task SetNextSlotAsync()
    {
        var nowKey = StorageKey.Prefix("Timestamp", "Now");
        var slotKey = StorageKey.Prefix("Babe", "CurrentSlot");
        var now = await Rpc.GetStorageAsync(nowKey);
        var changes = new List<(byte[], byte[]?)>();
        ulong slot;
        if (now is null)
        {
            changes.Add((nowKey, U64(FirstTimestamp)));
            slot = (FirstTimestamp / SlotMilliseconds) + 1;
        }
        else
        {
            slot = (BinaryPrimitives.ReadUInt64LittleEndian(now) + SlotMilliseconds) / SlotMilliseconds;
        }

        changes.Add((slotKey, U64(slot)));
        await SetStorageAsync([.. changes]);
    }

    /// <summary>Writes (or, with a null value, deletes) raw storage entries through <c>dev_setStorage</c>.</summary>
    public async Task SetStorageAsync(params (byte[] Key, byte[]? Value)[] entries)
    {
        var json = "[" + string.Join(",", entries.Select(e =>
            $"[\"{HexString.Encode(e.Key)}\",{(e.Value is null ? "null" : $"\"{HexString.Encode(e.Value)}\"")}]")) + "]";
        using var document = JsonDocument.Parse(json);
        await Rpc.RequestAsync("dev_setStorage", [document.RootElement.Clone()]);
    }

    /// <summary>Gives an account <paramref name="free"/> (in planck, 10^-18 TCESS) through a raw <c>System.Account</c> (spec/cess.md §3.2).</summary>
    public Task FundAsync(ReadOnlySpan<byte> account, UInt128 free)
    {
        var value = new ScaleWriter()
            .WriteU32(0).WriteU32(0).WriteU32(1).WriteU32(0) // nonce, consumers, providers, sufficients
            .WriteU128(free).WriteU128(0).WriteU128(0)      // free, reserved, frozen
            .WriteU128(UInt128.One << 127)                  // flags: new-logic marker
            .ToArray();
        return SetStorageAsync((StorageKey.Build("System", "Account", (StorageHasher.Blake2_128Concat, account.ToArray())), value));
    }

    /// <summary>
    /// Lets territories be minted at genesis, which has no miners and no randomness (spec/cess.md §3.2): gives the
    /// chain idle space, and frees the zero token that every mint takes.
    /// </summary>
    public Task PrepareTerritoryMintAsync() =>
        SetStorageAsync(
            (StorageKey.Prefix("StorageHandler", "TotalIdleSpace"), new ScaleWriter().WriteU128((UInt128)100 << 40).ToArray()),
            (StorageKey.Build("StorageHandler", "TerritoryKey", (StorageHasher.Blake2_128Concat, new byte[32])), null));

    /// <summary>
    /// Runs a submission that waits for inclusion: once its transaction is in the pool, builds the block.
    /// </summary>
    public async Task<T> IncludeAsync<T>(Func<Task<T>> submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var task = submit();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!task.IsCompleted)
        {
            var pending = await Rpc.RequestAsync("author_pendingExtrinsics", []);
            if (pending.GetArrayLength() > 0)
            {
                await NewBlockAsync();
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No transaction reached the pool within 60 s.");
            }

            await Task.Delay(50);
        }

        return await task;
    }

    public async Task DisposeAsync()
    {
        if (Rpc is not null)
        {
            await Rpc.DisposeAsync();
        }

        if (_process is not null)
        {
            using (_process)
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the tail only: chopsticks logs every block.
            if (_output.Length > 20_000)
            {
                _output.Remove(0, 10_000);
            }

            _output.AppendLine(line);
        }
    }

    /// <summary>The tail of chopsticks' log, for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
