using System.CommandLine;

namespace FunctionsGateway.Ctl;

/// <summary>A command that calls one operator route; <see cref="Route"/> (<c>"POST /ops/identities"</c>) is what a test
/// compares with the gateway's OpenAPI document so that every /ops route has a command.</summary>
internal sealed class OpsRouteCommand(string name, string description, string route) : Command(name, description)
{
    public string Route { get; } = route;
}
