using System.Diagnostics.CodeAnalysis;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Core.Ipfs.Gateway;

/// <summary>What the path gateway answers with.</summary>
internal enum GatewayResponseKind
{
    /// <summary>The content itself: a file's bytes, a directory's index or listing.</summary>
    Deserialized,

    /// <summary>The single block (<c>application/vnd.ipld.raw</c>).</summary>
    Raw,

    /// <summary>A CARv1 stream (<c>application/vnd.ipld.car</c>), depth-first.</summary>
    Car,
}

/// <summary>
/// The negotiated response type (https://specs.ipfs.tech/http-gateways/path-gateway/ "format" and "Accept";
/// https://specs.ipfs.tech/http-gateways/trustless-gateway/ "CAR format signaling"). <c>format</c> wins over
/// <c>Accept</c>; <c>car-*</c> query parameters win over the CAR media type's parameters. Only CARv1 in
/// depth-first order is produced (<c>order=unk</c> is satisfied by it); duplicates are sent only when asked
/// (<c>dups=y</c>).
/// </summary>
/// <param name="Kind">The response type.</param>
/// <param name="Duplicates">For CAR: repeat a block each time the walk meets it.</param>
/// <param name="FromAccept">The type came from <c>Accept</c> without <c>format</c>: answer with <c>Content-Location</c>.</param>
internal sealed record GatewayResponseFormat(GatewayResponseKind Kind, bool Duplicates = false, bool FromAccept = false)
{
    public const string RawMediaType = "application/vnd.ipld.raw";

    public const string CarMediaType = "application/vnd.ipld.car";

    private static readonly string[] UnsupportedMediaTypes =
    [
        "application/x-tar", "application/vnd.ipld.dag-json", "application/vnd.ipld.dag-cbor", "application/vnd.ipfs.ipns-record",
    ];

    private static readonly string[] UnsupportedFormats = ["tar", "dag-json", "dag-cbor", "json", "cbor", "ipns-record"];

    /// <summary>The <c>format</c> value that selects this type (for <c>Content-Location</c>).</summary>
    public string FormatName => Kind == GatewayResponseKind.Raw ? "raw" : "car";

    /// <summary>The CAR <c>Content-Type</c>, with every parameter the spec asks for.</summary>
    public string CarContentType => $"{CarMediaType}; version=1; order=dfs; dups={(Duplicates ? "y" : "n")}";

    /// <summary>
    /// Negotiates from the request. On failure <paramref name="status"/> is 400 (bad <c>format</c> or <c>car-*</c>
    /// value) or 406 (an <c>Accept</c> that lists only types this gateway cannot produce) and <paramref name="error"/> says why.
    /// </summary>
    public static bool TryNegotiate(
        string? format, string? accept, string? carVersion, string? carOrder, string? carDups,
        [NotNullWhen(true)] out GatewayResponseFormat? result, out int status, [NotNullWhen(false)] out string? error)
    {
        result = null;
        status = 400;
        if (!string.IsNullOrEmpty(format))
        {
            switch (format)
            {
                case "raw":
                    result = new GatewayResponseFormat(GatewayResponseKind.Raw);
                    error = null;
                    return true;
                case "car":
                    var acceptedCar = CarParameters(accept);
                    return TryCar(carVersion ?? acceptedCar?.Version, carOrder ?? acceptedCar?.Order, carDups ?? acceptedCar?.Dups, false, out result, out error);
                default:
                    error = UnsupportedFormats.Contains(format, StringComparer.Ordinal)
                        ? $"format={format} is not supported by this gateway (raw and car are)"
                        : $"unknown format \"{format}\" (raw and car are supported)";
                    return false;
            }
        }

        var unsatisfiable = false;
        foreach (var media in Ranked(accept))
        {
            var type = media.MediaType.Value ?? "";
            if (type.Equals(RawMediaType, StringComparison.OrdinalIgnoreCase))
            {
                result = new GatewayResponseFormat(GatewayResponseKind.Raw, FromAccept: true);
                error = null;
                return true;
            }

            if (type.Equals(CarMediaType, StringComparison.OrdinalIgnoreCase))
            {
                if (TryCar(carVersion ?? Parameter(media, "version"), carOrder ?? Parameter(media, "order"), carDups ?? Parameter(media, "dups"), true, out result, out _))
                {
                    error = null;
                    return true;
                }

                unsatisfiable = true;
                continue;
            }

            if (UnsupportedMediaTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                unsatisfiable = true;
                continue;
            }

            break;
        }

        if (unsatisfiable && !Ranked(accept).Any(m => IsOther(m.MediaType.Value)))
        {
            status = 406;
            error = $"none of the types in Accept \"{accept}\" can be produced: this gateway answers {RawMediaType}, " +
                $"{CarMediaType}; version=1; order=dfs (dups=y|n), or the deserialized content";
            return false;
        }

        result = new GatewayResponseFormat(GatewayResponseKind.Deserialized);
        error = null;
        return true;
    }

    private static bool TryCar(string? version, string? order, string? dups, bool fromAccept, [NotNullWhen(true)] out GatewayResponseFormat? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (version is not (null or "" or "1"))
        {
            error = $"CAR version {version} is not supported (only version=1)";
            return false;
        }

        if (order is not (null or "" or "dfs" or "unk"))
        {
            error = $"CAR order \"{order}\" is not supported (dfs or unk)";
            return false;
        }

        if (dups is not (null or "" or "y" or "n"))
        {
            error = $"CAR dups \"{dups}\" is not y or n";
            return false;
        }

        result = new GatewayResponseFormat(GatewayResponseKind.Car, dups == "y", fromAccept);
        error = null;
        return true;
    }

    private static (string? Version, string? Order, string? Dups)? CarParameters(string? accept)
    {
        var car = Ranked(accept).FirstOrDefault(m => string.Equals(m.MediaType.Value, CarMediaType, StringComparison.OrdinalIgnoreCase));
        return car is null ? null : (Parameter(car, "version"), Parameter(car, "order"), Parameter(car, "dups"));
    }

    private static bool IsOther(string? type) =>
        !string.Equals(type, RawMediaType, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(type, CarMediaType, StringComparison.OrdinalIgnoreCase)
        && !UnsupportedMediaTypes.Contains(type ?? "", StringComparer.OrdinalIgnoreCase);

    // The listed media ranges with q > 0, highest quality first, in header order among equals.
    private static IEnumerable<MediaTypeHeaderValue> Ranked(string? accept) =>
        string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var list)
            ? []
            : list.Where(m => (m.Quality ?? 1) > 0).OrderByDescending(m => m.Quality ?? 1);

    private static string? Parameter(MediaTypeHeaderValue media, string name) =>
        media.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value?.Trim('"');
}
