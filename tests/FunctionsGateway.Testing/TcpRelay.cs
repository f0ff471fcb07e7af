using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FunctionsGateway.Testing;

/// <summary>
/// A loopback TCP relay to a local server that a test can cut (<see cref="DropConnections"/>), to see a
/// client notice a dropped connection and reconnect.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private readonly Task _accepting;

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections the relay has accepted.</summary>
    public int Accepted { get; private set; }

    /// <summary>Closes every relayed connection (new ones are still accepted).</summary>
    public void DropConnections()
    {
        foreach (var client in _clients.Keys)
        {
            client.Client?.Close(0);
            client.Dispose();
            _clients.TryRemove(client, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Accepted++;
            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort);
            _clients[inbound] = 0;
            _clients[outbound] = 0;
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // the other side went away
        }
        finally
        {
            from.Close();
            to.Close();
        }
    }
}
