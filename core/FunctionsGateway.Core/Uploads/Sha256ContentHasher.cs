using System.Security.Cryptography;

namespace FunctionsGateway.Core.Uploads;

/// <summary>SHA-256 of the content, lowercase hex (FIPS 180-4).</summary>
public sealed class Sha256ContentHasher : IContentHasher, IDisposable
{
    public const string DigestName = "sha256";

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string Name => DigestName;

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public string Complete() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}

/// <summary>Registers <see cref="Sha256ContentHasher"/> with the pipeline.</summary>
public sealed class Sha256ContentHasherFactory : IContentHasherFactory
{
    public IContentHasher Create() => new Sha256ContentHasher();
}
