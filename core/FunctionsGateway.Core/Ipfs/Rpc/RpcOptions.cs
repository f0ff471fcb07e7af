using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// Reads Kubo RPC options from the query string (https://docs.ipfs.tech/reference/kubo/rpc/, "Flags"): booleans as
/// Go's <c>strconv.ParseBool</c> reads them (an empty value, as in <c>?progress</c>, means true), integers in
/// decimal. A bad value raises <see cref="RpcRequestException"/> naming the option.
/// </summary>
internal sealed class RpcOptions(IQueryCollection query)
{
    /// <summary>The option's value, or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string name, bool fallback) => BoolOrNull(name) ?? fallback;

    /// <summary>The option's value, or null when absent.</summary>
    public bool? BoolOrNull(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.ToString() switch
        {
            "" or "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            var text => throw new RpcRequestException($"could not convert value \"{text}\" of option \"{name}\" to a bool"),
        };
    }

    /// <summary>The option's value, or null when absent.</summary>
    public long? Int64OrNull(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return long.TryParse(values.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RpcRequestException($"could not convert value \"{values}\" of option \"{name}\" to an integer");
    }

    /// <summary>The option's text, or null when absent.</summary>
    public string? String(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Every <c>arg</c>.</summary>
    public IReadOnlyList<string> Arguments => query.TryGetValue("arg", out var values) ? [.. values.Where(v => v is not null).Select(v => v!)] : [];

    /// <summary>The one required <c>arg</c>, read as a content path.</summary>
    /// <exception cref="RpcRequestException">It is missing or not a path.</exception>
    public IpfsPath RequiredPath(string name) =>
        IpfsPath.TryParse(RequiredArgument(name), out var path, out var error) ? path : throw new RpcRequestException(error);

    /// <summary>The one required <c>arg</c>.</summary>
    /// <exception cref="RpcRequestException">It is missing: Kubo's <c>argument "…" is required</c>.</exception>
    public string RequiredArgument(string name) =>
        Arguments.FirstOrDefault(a => a.Length > 0) ?? throw new RpcRequestException($"argument \"{name}\" is required");
}
