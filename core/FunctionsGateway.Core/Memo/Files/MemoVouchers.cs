using System.Globalization;
using System.Numerics;
using FunctionsGateway.Core.Auth.Crypto;
using FunctionsGateway.Core.Memo.Chain;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Azure;

namespace FunctionsGateway.Core.Memo.Files;

/// <summary>
/// The DID era's pay-as-you-go vouchers (compat §2.5 <c>access.go</c>, §2.6): before the gateway keeps an upload
/// (space, StorePay) or sends a download (traffic, ReadPay), the caller's voucher — a cumulative check size signed
/// over the §2.6 hash at the current on-chain nonce — must come from the caller, fit the bought space or traffic,
/// and cover every byte transferred under that nonce so far plus this transfer. The bytes and the largest voucher
/// are kept in Table storage (partition = the payer, row = the kind) and changed only conditionally on the ETag,
/// so concurrent transfers cannot together exceed a voucher. The seller cashes the kept voucher through
/// <see cref="CashAsync"/>.
/// </summary>
internal sealed class MemoVouchers(MemoChain chain, ITableStorage tables, StorageBootstrap bootstrap, StorageNames names)
{
    public const string VerifyFailed = "verify sign not success";
    private const int MaxAttempts = 8;

    /// <summary>True when the chain settings make vouchers required.</summary>
    public bool Required => chain.HasVouchers;

    /// <summary>
    /// Checks a voucher (<c>size</c>, <c>sign</c>) of <paramref name="payer"/> and records <paramref name="bytes"/>
    /// against it; a 525 ControllerError with the original's message when it does not cover them.
    /// </summary>
    public async Task<MemoVoucherUse> ReserveAsync(MemoPayKind kind, EthereumAddress payer, string? size, string? sign, long bytes, CancellationToken cancellationToken = default)
    {
        if (!ulong.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var checkSize))
        {
            throw Refused($"invalid check size '{size}'");
        }

        if (!EthereumSigner.TryDecodeHex(sign, out var signature))
        {
            throw Refused(VerifyFailed);
        }

        var info = await chain.GetPayInfoAsync(kind, payer, cancellationToken);
        // v 27/28 are turned into 0/1 here, as the original did (compat §2.5 verifySign).
        var recovered = EthereumSigner.RecoverAddress(chain.VoucherHash(kind, info.Nonce, checkSize), signature);
        if (!recovered.IsValid || recovered.Address != payer)
        {
            throw Refused(VerifyFailed);
        }

        var available = (BigInteger)info.FreeByte + info.SizeByte;
        if (checkSize > available)
        {
            throw Refused(string.Create(CultureInfo.InvariantCulture, $"space not enough, have {available}, need {checkSize}"));
        }

        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var nonce = info.Nonce.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var row = await tables.GetAsync(names.MemoVouchersTable, Partition(payer), Row(kind), cancellationToken);
            var sameNonce = row?.GetString("Nonce") == nonce;
            var used = sameNonce ? row!.GetInt64("Used") ?? 0 : 0;
            if (used + bytes > (BigInteger)checkSize)
            {
                throw Refused(string.Create(CultureInfo.InvariantCulture, $"checksize not enough, have {checkSize}, need {used + bytes}"));
            }

            // Keep the largest voucher of this nonce: it is the one worth cashing.
            var keepOld = sameNonce && (ulong)(row!.GetInt64("CheckSize") ?? 0) > checkSize;
            var next = new TableEntity(Partition(payer), Row(kind))
            {
                ["Nonce"] = nonce,
                ["Used"] = used + bytes,
                ["CheckSize"] = keepOld ? row!.GetInt64("CheckSize") : (long)checkSize,
                ["Sign"] = keepOld ? row!.GetString("Sign") : EthereumHex(signature),
            };
            if (await TryWriteAsync(row, next, cancellationToken))
            {
                return new MemoVoucherUse(kind, payer, nonce, bytes);
            }

            if (attempt == MaxAttempts)
            {
                throw new MemoException(MemoErrorKind.DataBase, "voucher record is too busy, try again");
            }
        }
    }

    /// <summary>Gives back the bytes of a transfer that did not happen after all (best effort).</summary>
    public async Task ReleaseAsync(MemoVoucherUse use, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(use);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await tables.GetAsync(names.MemoVouchersTable, Partition(use.Payer), Row(use.Kind), cancellationToken);
            if (row?.GetString("Nonce") != use.Nonce)
            {
                return;
            }

            var next = new TableEntity(row.PartitionKey, row.RowKey) { ["Used"] = Math.Max(0, (row.GetInt64("Used") ?? 0) - use.Bytes) };
            if (await tables.TryUpdateAsync(names.MemoVouchersTable, next, row.ETag ?? "*", TableUpdateMode.Merge, cancellationToken) is not null)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The seller cashes <paramref name="payer"/>'s kept voucher (<c>/cashspace</c>, <c>/cashtraffic</c>); returns the
    /// transaction hash. 525 when no voucher is kept for the payer's current nonce.
    /// </summary>
    public async Task<string> CashAsync(MemoPayKind kind, EthereumAddress payer, CancellationToken cancellationToken = default)
    {
        var info = await chain.GetPayInfoAsync(kind, payer, cancellationToken);
        await bootstrap.EnsureCreatedAsync(cancellationToken);
        var row = await tables.GetAsync(names.MemoVouchersTable, Partition(payer), Row(kind), cancellationToken);
        if (row is null || row.GetString("Nonce") != info.Nonce.ToString(CultureInfo.InvariantCulture)
            || row.GetInt64("CheckSize") is not { } checkSize || !EthereumSigner.TryDecodeHex(row.GetString("Sign"), out var signature))
        {
            throw Refused($"no voucher of {payer} to cash");
        }

        return await chain.CashAsync(kind, info.Nonce, (ulong)checkSize, signature, cancellationToken);
    }

    private async Task<bool> TryWriteAsync(TableEntity? previous, TableEntity next, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            return await tables.TryUpdateAsync(names.MemoVouchersTable, next, previous.ETag ?? "*", TableUpdateMode.Replace, cancellationToken) is not null;
        }

        try
        {
            await tables.InsertAsync(names.MemoVouchersTable, next, cancellationToken);
            return true;
        }
        catch (AzureStorageException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static string Partition(EthereumAddress payer) => payer.ToLowerHex();

    private static string Row(MemoPayKind kind) => kind == MemoPayKind.Space ? "space" : "traffic";

    private static string EthereumHex(byte[] signature) => "0x" + Convert.ToHexStringLower(signature);

    private static MemoException Refused(string detail) => new(MemoErrorKind.Controller, detail);
}

/// <summary>Bytes recorded against a payer's voucher, to give back if the transfer fails.</summary>
internal sealed record MemoVoucherUse(MemoPayKind Kind, EthereumAddress Payer, string Nonce, long Bytes);
