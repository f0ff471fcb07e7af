using System.Text.Json;
using FunctionsGateway.Core.Pins;

namespace FunctionsGateway.Functions.Functions.Psa;

/// <summary>Reads the <c>Pin</c> body of <c>POST /pins</c> and <c>POST /pins/{requestid}</c>; anything else is a 400.</summary>
internal static class PsaPinBody
{
    /// <exception cref="PinRequestException">The body is not a <c>Pin</c> object.</exception>
    public static async Task<PinSpec> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PsaPin? pin;
        try
        {
            pin = await JsonSerializer.DeserializeAsync(request.Body, PsaJsonContext.Default.PsaPin, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new PinRequestException($"The body must be a Pin object, {{\"cid\":\"…\",\"name\":\"…\",\"origins\":[…],\"meta\":{{…}}}}: {e.Message}", e);
        }

        return (pin ?? throw new PinRequestException("The body must be a Pin object with a cid.")).ToSpec();
    }
}
