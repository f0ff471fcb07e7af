using System.Security.Cryptography;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// The RSA public key of each identity that checks its Decoo <c>secret</c>s, in <c>{prefix}decookeys</c>
/// (partition = identity id, row <c>rsa</c>, the SubjectPublicKeyInfo DER). Registering a key replaces the previous one.
/// </summary>
public sealed class DecooRsaKeyStore(ITableStorage tables, StorageBootstrap bootstrap, StorageNames names, TimeProvider time)
{
    private const string Row = "rsa";

    /// <summary>Records <paramref name="subjectPublicKeyInfo"/> as the identity's key.</summary>
    public async Task SetAsync(string identityId, byte[] subjectPublicKeyInfo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        await tables.UpsertAsync(names.DecooKeysTable, new TableEntity(TableKeys.Encode(identityId), Row)
        {
            ["PublicKey"] = subjectPublicKeyInfo,
            ["UpdatedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The identity's key, or null when none is registered.</summary>
    public async Task<RSAParameters?> GetAsync(string identityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.DecooKeysTable, TableKeys.Encode(identityId), Row, cancellationToken);
        return row?.GetBinary("PublicKey") is { } der ? DecooPublicKey.FromSubjectPublicKeyInfo(der) : null;
    }
}
