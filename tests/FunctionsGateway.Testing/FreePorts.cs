using System.Net;
using System.Net.Sockets;

namespace FunctionsGateway.Testing;

/// <summary>Free loopback TCP ports for the servers tests start.</summary>
public static class FreePorts
{
    /// <summary>A port nobody listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
