using System.Buffers.Binary;
using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Substrate.Metadata;

/// <summary>
/// Decodes SCALE-encoded <c>RuntimeMetadataPrefixed</c> (the <c>state_getMetadata</c> bytes, or the
/// <c>Metadata_metadata_at_version</c> runtime call's) of version 14 or 15, following
/// paritytech/frame-metadata <c>v14.rs</c>/<c>v15.rs</c> and scale-info's <c>PortableRegistry</c>.
/// Throws <see cref="FormatException"/> for other versions or malformed input.
/// </summary>
public static class RuntimeMetadataParser
{
    /// <summary>"meta" read as a little-endian u32.</summary>
    private const uint Magic = 0x6174656d;

    public static RuntimeMetadata Parse(ReadOnlyMemory<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        if (reader.Remaining < 5 || BinaryPrimitives.ReadUInt32LittleEndian(reader.ReadRaw(4)) != Magic)
        {
            throw new FormatException("Runtime metadata must start with the magic bytes \"meta\".");
        }

        var version = reader.ReadU8();
        if (version is not (14 or 15))
        {
            throw new FormatException($"Runtime metadata version {version} is not supported (14 and 15 are).");
        }

        var types = ReadRegistry(reader);
        var pallets = reader.ReadVec(r => ReadPallet(r, version));
        int extrinsicVersion;
        IReadOnlyList<SignedExtensionMetadata> extensions;
        uint? eventEnum = null;
        if (version == 14)
        {
            reader.ReadCompact(); // the UncheckedExtrinsic type
            extrinsicVersion = reader.ReadU8();
            extensions = reader.ReadVec(ReadSignedExtension);
            reader.ReadCompact(); // the Runtime type
        }
        else
        {
            extrinsicVersion = reader.ReadU8();
            for (var i = 0; i < 4; i++)
            {
                reader.ReadCompact(); // address, call, signature and extra types
            }

            extensions = reader.ReadVec(ReadSignedExtension);
            reader.ReadCompact(); // the Runtime type
            reader.ReadVec(ReadRuntimeApi);
            reader.ReadCompact(); // RuntimeCall
            eventEnum = (uint)reader.ReadCompact();
            reader.ReadCompact(); // RuntimeError
            reader.ReadVec(r => (r.ReadString(), r.ReadCompact(), r.ReadBytes())); // custom values
        }

        reader.EnsureAtEnd();
        return new RuntimeMetadata(version, types, pallets, extrinsicVersion, extensions, eventEnum ?? FindEventEnum(types, pallets));
    }

    private static Dictionary<uint, MetadataType> ReadRegistry(ScaleReader reader)
    {
        var count = reader.ReadLength();
        var types = new Dictionary<uint, MetadataType>(count);
        for (var i = 0; i < count; i++)
        {
            var id = (uint)reader.ReadCompact();
            types[id] = ReadType(reader, id);
        }

        return types;
    }

    private static MetadataType ReadType(ScaleReader reader, uint id)
    {
        var path = reader.ReadVec(r => r.ReadString());
        reader.ReadVec(r => (r.ReadString(), r.ReadOptionValue(x => x.ReadCompact()))); // type parameters
        var kind = (MetadataTypeKind)reader.ReadU8();
        IReadOnlyList<MetadataField> fields = [];
        IReadOnlyList<MetadataVariant> variants = [];
        IReadOnlyList<uint> tuple = [];
        uint element = 0, length = 0, bitOrder = 0;
        var primitive = MetadataPrimitive.Bool;
        switch (kind)
        {
            case MetadataTypeKind.Composite:
                fields = reader.ReadVec(ReadField);
                break;
            case MetadataTypeKind.Variant:
                variants = reader.ReadVec(r =>
                {
                    var name = r.ReadString();
                    var variantFields = r.ReadVec(ReadField);
                    var index = r.ReadU8();
                    r.ReadVec(x => x.ReadString()); // docs
                    return new MetadataVariant(name, index, variantFields);
                });
                break;
            case MetadataTypeKind.Sequence:
            case MetadataTypeKind.Compact:
                element = (uint)reader.ReadCompact();
                break;
            case MetadataTypeKind.Array:
                length = reader.ReadU32();
                element = (uint)reader.ReadCompact();
                break;
            case MetadataTypeKind.Tuple:
                tuple = reader.ReadVec(r => (uint)r.ReadCompact());
                break;
            case MetadataTypeKind.Primitive:
                primitive = (MetadataPrimitive)reader.ReadU8();
                if (primitive > MetadataPrimitive.I256)
                {
                    throw new FormatException($"Type {id} has unknown primitive {(int)primitive}.");
                }

                break;
            case MetadataTypeKind.BitSequence:
                element = (uint)reader.ReadCompact(); // the bit store type
                bitOrder = (uint)reader.ReadCompact();
                break;
            default:
                throw new FormatException($"Type {id} has unknown definition kind {(int)kind}.");
        }

        reader.ReadVec(r => r.ReadString()); // docs
        return new MetadataType(id, path, kind, fields, variants, element, length, tuple, primitive, bitOrder);
    }

    private static MetadataField ReadField(ScaleReader reader)
    {
        var name = reader.ReadOption(r => r.ReadString());
        var type = (uint)reader.ReadCompact();
        var typeName = reader.ReadOption(r => r.ReadString());
        reader.ReadVec(r => r.ReadString()); // docs
        return new MetadataField(name, type, typeName);
    }

    private static PalletMetadata ReadPallet(ScaleReader reader, int version)
    {
        var name = reader.ReadString();
        string? prefix = null;
        IReadOnlyList<StorageEntryMetadata> storage = [];
        if (reader.ReadU8() == 1)
        {
            prefix = reader.ReadString();
            storage = reader.ReadVec(ReadStorageEntry);
        }

        var calls = ReadOptionalTypeId(reader);
        var events = ReadOptionalTypeId(reader);
        reader.ReadVec(r => (r.ReadString(), r.ReadCompact(), r.ReadBytes(), r.ReadVec(x => x.ReadString()))); // constants
        var errors = ReadOptionalTypeId(reader);
        var index = reader.ReadU8();
        if (version >= 15)
        {
            reader.ReadVec(r => r.ReadString()); // docs
        }

        return new PalletMetadata(name, index, prefix, storage, calls, events, errors);
    }

    private static uint? ReadOptionalTypeId(ScaleReader reader) =>
        reader.ReadOptionValue(r => (uint)r.ReadCompact());

    private static StorageEntryMetadata ReadStorageEntry(ScaleReader reader)
    {
        var name = reader.ReadString();
        var modifier = reader.ReadU8();
        IReadOnlyList<StorageHasher> hashers = [];
        uint? key = null;
        uint value;
        switch (reader.ReadU8())
        {
            case 0:
                value = (uint)reader.ReadCompact();
                break;
            case 1:
                hashers = reader.ReadVec(r =>
                {
                    var h = r.ReadU8();
                    return h <= (byte)StorageHasher.Identity ? (StorageHasher)h : throw new FormatException($"Unknown storage hasher {h}.");
                });
                key = (uint)reader.ReadCompact();
                value = (uint)reader.ReadCompact();
                break;
            case var other:
                throw new FormatException($"Storage entry {name} has unknown type variant {other}.");
        }

        var defaultValue = reader.ReadBytes();
        reader.ReadVec(r => r.ReadString()); // docs
        return new StorageEntryMetadata(name, modifier == 1, hashers, key, value, defaultValue);
    }

    private static SignedExtensionMetadata ReadSignedExtension(ScaleReader reader) =>
        new(reader.ReadString(), (uint)reader.ReadCompact(), (uint)reader.ReadCompact());

    private static int ReadRuntimeApi(ScaleReader reader)
    {
        reader.ReadString();
        reader.ReadVec(r =>
        {
            r.ReadString();
            r.ReadVec(x => (x.ReadString(), x.ReadCompact()));
            r.ReadCompact();
            r.ReadVec(x => x.ReadString());
            return 0;
        });
        reader.ReadVec(r => r.ReadString());
        return 0;
    }

    /// <summary>V14 has no outer-enum section; <c>System.Events</c> is <c>Vec&lt;EventRecord&lt;RuntimeEvent, _&gt;&gt;</c>.</summary>
    private static uint? FindEventEnum(Dictionary<uint, MetadataType> types, IReadOnlyList<PalletMetadata> pallets)
    {
        var events = pallets.FirstOrDefault(p => p.Name == "System")?.Storage.FirstOrDefault(e => e.Name == "Events");
        if (events is null || !types.TryGetValue(events.ValueTypeId, out var vec) || !types.TryGetValue(vec.ElementTypeId, out var record))
        {
            return null;
        }

        return record.Fields.FirstOrDefault(f => f.Name == "event")?.TypeId;
    }
}
