using System.Security.Cryptography;
using System.Text;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.CessGateway;

/// <summary>
/// The RSA key that encrypts and decrypts CESS tokens: the configured PEM, or (when allowed) a key generated once and
/// kept in Blob storage. The first instance to store its generated key wins (Put Blob with <c>If-None-Match: *</c>);
/// every other instance reads that one, so all instances share one key. Loaded once per process.
/// </summary>
public sealed class CessTokenKeyProvider(IBlobStorage blobs, StorageBootstrap bootstrap, StorageNames names, IOptions<CessTokenOptions> options)
{
    /// <summary>The blob of a generated key in the <see cref="StorageNames.CessKeysContainer"/>.</summary>
    public const string GeneratedKeyBlob = "token-key.pem";

    private readonly Lock _gate = new();
    private Task<RSA>? _key;

    /// <summary>The key.</summary>
    /// <exception cref="CessKeyMissingException">No key is configured and none may be generated.</exception>
    public Task<RSA> GetKeyAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_key is null || _key.IsFaulted || _key.IsCanceled)
            {
                _key = LoadAsync();
            }

            return _key.WaitAsync(cancellationToken);
        }
    }

    private async Task<RSA> LoadAsync()
    {
        var o = options.Value;
        if (o.PrivateKey.Length > 0)
        {
            return Import(o.PrivateKey);
        }

        if (!o.GenerateKeyIfMissing)
        {
            throw new CessKeyMissingException();
        }

        await bootstrap.EnsureCreatedAsync();
        using (var fresh = RSA.Create(2048))
        {
            await blobs.UploadIfAbsentAsync(names.CessKeysContainer, GeneratedKeyBlob, Encoding.ASCII.GetBytes(fresh.ExportRSAPrivateKeyPem()), new BlobHttpHeaders("application/x-pem-file"));
        }

        // Whoever won the race, the stored key is the one every instance uses.
        await using var stored = await blobs.DownloadAsync(names.CessKeysContainer, GeneratedKeyBlob)
            ?? throw new InvalidOperationException($"The generated token key {names.CessKeysContainer}/{GeneratedKeyBlob} vanished.");
        using var reader = new StreamReader(stored.Content, Encoding.ASCII);
        return Import(await reader.ReadToEndAsync());
    }

    private static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}

/// <summary>No token key is configured (<c>Gateway:Cess:Token:PrivateKey</c>) and generating one is not allowed.</summary>
public sealed class CessKeyMissingException : Exception
{
    public CessKeyMissingException()
        : base("No CESS token key: set Gateway:Cess:Token:PrivateKey (Gateway__Cess__Token__PrivateKey).")
    {
    }

    public CessKeyMissingException(string message)
        : base(message)
    {
    }

    public CessKeyMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
