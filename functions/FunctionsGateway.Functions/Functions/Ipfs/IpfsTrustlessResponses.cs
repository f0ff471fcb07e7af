using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Content.Dag;
using FunctionsGateway.Core.Ipfs.Gateway;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Functions.Functions.Ipfs;

/// <summary>
/// The verifiable answers (trustless gateway spec): the raw block (<c>application/vnd.ipld.raw</c>) and the CAR
/// (<c>application/vnd.ipld.car; version=1; order=dfs; dups=n|y</c>) with <c>dag-scope</c> and <c>entity-bytes</c>.
/// Both need the blocks: for a public upload whose push has not stored them yet the answer is 503 with
/// <c>Retry-After</c> (its bytes are already served deserialized); for one whose backend keeps no blocks here, 404.
/// </summary>
internal static class IpfsTrustlessResponses
{
    public static IResult Raw(IpfsContent content, GatewayResponseFormat format) =>
        NotStored(content) ?? new IpfsBlockResult(
            content, GatewayResponseFormat.RawMediaType, $"\"{content.Terminal}.raw\"", $"attachment; filename=\"{content.Terminal}.bin\"", format);

    public static IResult Car(HttpContext context, IpfsContent content, GatewayResponseFormat format)
    {
        var query = context.Request.Query;
        var scopeText = query["dag-scope"].ToString();
        DagScope? scope = scopeText switch
        {
            "" or "all" => DagScope.All,
            "entity" => DagScope.Entity,
            "block" => DagScope.Block,
            _ => null,
        };
        if (scope is null)
        {
            return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, $"dag-scope \"{scopeText}\" is not block, entity or all");
        }

        EntityBytes? bytes = null;
        var bytesText = query["entity-bytes"].ToString();
        if (bytesText.Length > 0)
        {
            if (!EntityBytes.TryParse(bytesText, out var parsed, out var error))
            {
                return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, error);
            }

            // entity-bytes implies dag-scope=entity, and is ignored for an entity that is not a file.
            (bytes, scope) = (parsed, DagScope.Entity);
        }

        if (NotStored(content) is { } refusal)
        {
            return refusal;
        }

        EntityByteRange? range = null;
        if (bytes is { } entityBytes)
        {
            if (content.Kind == IpfsContentKind.File)
            {
                range = entityBytes.Resolve(content.Size);
                if (range.Value.Kind == EntityByteRangeKind.Outside)
                {
                    return IpfsGatewayErrors.Result(StatusCodes.Status400BadRequest, $"entity-bytes {entityBytes} starts past the end of {content.Terminal}, a file of {content.Size} bytes");
                }
            }
        }

        // The CAR is deterministic for one path, scope, range and dups, so its ETag is strong.
        var variant = $"{content.Path}\n{scope}\n{bytesText}\n{format.Duplicates}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(variant)).AsSpan(0, 8));
        return new IpfsCarResult(content, format, scope.Value, range, $"\"{content.Terminal}.car.{hash}\"");
    }

    private static IResult? NotStored(IpfsContent content)
    {
        if (content.Kind != IpfsContentKind.PendingFile)
        {
            return null;
        }

        return content.File!.State == FileState.Staged
            ? IpfsGatewayErrors.RetryLater($"the blocks of {content.Terminal} are not stored yet (its upload is being pushed); retry later, or ask for the file without format")
            : IpfsGatewayErrors.Result(StatusCodes.Status404NotFound, $"the blocks of {content.Terminal} are not held by this gateway (the file is stored on the '{content.File.Backend}' backend)");
    }
}
