namespace FunctionsGateway.Ctl;

/// <summary>One call of an operator route.</summary>
/// <param name="Path">The path with its ids already escaped (see <see cref="Segment"/>).</param>
/// <param name="Body">JSON or text to send, or none.</param>
/// <param name="Done">What to print for an answer without a body (a 204), e.g. "revoked c-1".</param>
/// <param name="Progress">A label to show with elapsed time while waiting (long operations), or none.</param>
internal sealed record OpsRequest(HttpMethod Method, string Path, HttpContent? Body = null, string? Done = null, string? Progress = null)
{
    /// <summary>One escaped path segment.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
