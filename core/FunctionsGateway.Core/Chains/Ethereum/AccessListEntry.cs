using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>One entry of an EIP-2930 access list: an address and the 32-byte storage keys it will touch.</summary>
public sealed record AccessListEntry(EthereumAddress Address, IReadOnlyList<ReadOnlyMemory<byte>> StorageKeys)
{
    internal RlpItem ToRlp() =>
        RlpItem.FromList(RlpItem.FromBytes(Address.Bytes), RlpItem.FromList(StorageKeys.Select(k => RlpItem.FromBytes(k.Span))));

    internal static AccessListEntry FromRlp(RlpItem item)
    {
        var fields = item.RequireList(2, "An access list entry");
        var address = fields[0].ToAddressOrNull() ?? throw new FormatException("An access list entry has no address.");
        if (!fields[1].IsList)
        {
            throw new FormatException("An access list entry's storage keys are a list.");
        }

        var keys = fields[1].Items.Select(k => !k.IsList && k.Bytes.Length == 32
            ? new ReadOnlyMemory<byte>(k.Bytes.ToArray())
            : throw new FormatException("A storage key is 32 bytes.")).ToArray();
        return new AccessListEntry(address, keys);
    }
}
