using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Content.Multiformats;
using FunctionsGateway.Core.Content.UnixFs;
using FunctionsGateway.Core.Pins;
using FunctionsGateway.Core.Uploads;

namespace FunctionsGateway.Core.Decoo;

/// <summary>
/// The pinning behind Decoo's endpoint routes (spec/compat.md §3.2–3.3). Both need a <c>secret</c>: the CID's UTF-8
/// bytes "encrypted" with the user's RSA private key (PKCS#1 v1.5 type 1, <see cref="RsaPrivateEncryption"/>), checked
/// with the public key an operator registered for the identity. <c>pinFile</c> streams the file through the
/// <see cref="UploadPipeline"/> (public, with the SDK's CID profile: CIDv0, 256 KiB chunks, balanced, dag-pb leaves) and
/// admits it only when the secret holds and the CID computed equals <c>cid</c>; otherwise the staged bytes are deleted and
/// nothing is recorded. Both then queue a pin job (<see cref="PinRequestService"/>, source <see cref="Source"/>) that the
/// pin worker takes <c>queued</c> → <c>pinning</c> → <c>pinned</c> or <c>failed</c>.
/// </summary>
internal sealed partial class DecooPinService(UploadPipeline pipeline, PinRequestService pins, DecooRsaKeyStore keys)
{
    /// <summary>The pin requests' source.</summary>
    public const string Source = "decoo";

    /// <summary>The SDK's CID profile (<c>ipfs-core add(onlyHash, cidVersion: 0)</c>, compat §3.2).</summary>
    public static UnixFsProfile Profile => UnixFsProfile.UnixFsV0_2015;

    /// <summary><c>pinFile</c>: the file, checked and recorded, and its pin job.</summary>
    public async Task<(FileRecord File, string Cid, PinRequest Job)> PinFileAsync(string ownerId, string? contentType, Stream body, CancellationToken cancellationToken = default)
    {
        var form = DecooPinFileForm.Create(contentType, body);
        var key = await GetKeyAsync(ownerId, cancellationToken);
        var (file, fileName, fileType) = await form.ReadFileAsync(cancellationToken);
        string cid = "";
        DecooMetadata metadata = DecooMetadata.None;
        var record = await pipeline.UploadAsync(
            new UploadRequest(ownerId, DecooPinFileForm.FileNameOr(fileName, "file"), file, null, fileType)
            {
                Public = true,
                Profile = Profile,
                AdmitAsync = async (staged, token) =>
                {
                    await form.ReadRestAsync(token);
                    cid = form.Fields.GetValueOrDefault("cid") ?? "";
                    var parsed = ParseCid(cid, "cid");
                    VerifySecret(key, cid, form.Fields.GetValueOrDefault("secret"));
                    if (!SameDag(parsed, staged.Root))
                    {
                        throw new DecooRequestException($"cid {cid} is not the CID of the file, which is {staged.Root}");
                    }

                    metadata = DecooMetadata.Parse(form.Fields.GetValueOrDefault("decooMetadata"));
                },
            },
            cancellationToken);
        var job = await pins.AddAsync(ownerId, metadata.ToPin(cid, DecooPinFileForm.FileNameOr(fileName, cid)), Source, cancellationToken);
        return (record, cid, job);
    }

    /// <summary><c>pinByHash</c>: the pin job of <paramref name="hashToPin"/>, once <paramref name="secret"/> holds.</summary>
    public async Task<PinRequest> PinByHashAsync(string ownerId, string? hashToPin, string? secret, JsonElement? metadata, CancellationToken cancellationToken = default)
    {
        ParseCid(hashToPin, "hashToPin");
        var key = await GetKeyAsync(ownerId, cancellationToken);
        VerifySecret(key, hashToPin!, secret);
        var parsed = metadata is { ValueKind: JsonValueKind.String } text ? DecooMetadata.Parse(text.GetString())
            : metadata is { ValueKind: JsonValueKind.Object } json ? DecooMetadata.From(json)
            : metadata is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? DecooMetadata.None
            : throw new DecooRequestException("decooMetadata must be a JSON object such as {\"name\":\"My File\"}");
        return await pins.AddAsync(ownerId, parsed.ToPin(hashToPin!, null), Source, cancellationToken);
    }

    /// <summary>The owner's pin jobs that pass <paramref name="query"/>: the total and one page.</summary>
    public async Task<(int Count, IReadOnlyList<PinRequest> Page)> ListAsync(string ownerId, DecooPinQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new PinListQuery(query.Cids, null, PinNameMatch.Exact, query.Statuses, null, null, int.MaxValue, new Dictionary<string, string>());
        var (_, all) = await pins.ListAsync(ownerId, filter, cancellationToken);
        var matching = all.Where(p => (query.From is not { } from || p.Created >= from) && (query.Until is not { } until || p.Created < until));
        var ordered = (query.Ascending ? matching.Reverse() : matching).ToList();
        return (ordered.Count, ordered.Skip(query.Offset).Take(query.Limit).ToList());
    }

    /// <summary>Checks <paramref name="secret"/> (standard base64) as the RSA private-key encryption of <paramref name="cid"/>'s bytes.</summary>
    /// <exception cref="DecooRequestException">It is missing, not base64, or does not verify; the message says which.</exception>
    internal static void VerifySecret(RSAParameters key, string cid, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new DecooRequestException("secret is required: the CID encrypted with your RSA private key, in base64");
        }

        var bytes = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret.Trim(), bytes, out var length))
        {
            throw new DecooRequestException("secret is not base64");
        }

        var status = RsaPrivateEncryption.Verify(key, bytes.AsSpan(0, length), Encoding.UTF8.GetBytes(cid));
        if (status != RsaBlockStatus.Valid)
        {
            throw new DecooRequestException(status switch
            {
                RsaBlockStatus.WrongLength => "secret does not verify: it is not as long as the RSA key's modulus",
                RsaBlockStatus.OutOfRange => "secret does not verify: it is not below the RSA key's modulus",
                RsaBlockStatus.ShortPadding => "secret does not verify: its PKCS#1 padding is shorter than 8 bytes",
                RsaBlockStatus.PayloadMismatch => "secret does not verify: it is not this CID signed with the registered RSA key",
                _ => "secret does not verify: its PKCS#1 type 1 padding is malformed (wrong key?)",
            });
        }
    }

    /// <summary>A CID as Decoo accepts it (compat §3.2: <c>Qm</c> + 44 or <c>ba</c> + 57 base58/base32 characters) that also parses.</summary>
    internal static Cid ParseCid(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new DecooRequestException($"{field} is required");
        }

        if (!DecooCidPattern().IsMatch(text) || !Cid.TryParse(text, out var cid))
        {
            throw new DecooRequestException($"{field} '{Shorten(text)}' is not a CID");
        }

        return cid;
    }

    // A CIDv0 and the CIDv1 (dag-pb) of the same hash name one DAG.
    private static bool SameDag(Cid presented, Cid computed) => presented.ToV1().Equals(computed.ToV1());

    private async Task<RSAParameters> GetKeyAsync(string ownerId, CancellationToken cancellationToken) =>
        await keys.GetAsync(ownerId, cancellationToken)
        ?? throw new DecooRequestException("no RSA public key is registered for this account: an operator must register it (PUT /ops/identities/{id}/rsa-key)", 403);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^(Qm[0-9a-zA-Z]{44}|ba[0-9a-zA-Z]{57})$")]
    private static partial Regex DecooCidPattern();
}
