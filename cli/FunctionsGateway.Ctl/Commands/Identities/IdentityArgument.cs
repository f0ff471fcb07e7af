using System.CommandLine;

namespace FunctionsGateway.Ctl.Commands.Identities;

/// <summary>The <c>IDENTITY</c> argument of the commands that act for one identity.</summary>
internal static class IdentityArgument
{
    public static Argument<string> Create() => new("identity") { Description = "The identity's id (from 'identities create' or 'identities list')." };
}
