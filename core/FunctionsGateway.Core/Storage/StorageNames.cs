using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Storage;

/// <summary>The concrete resource names, with <see cref="StorageLayoutOptions.ResourcePrefix"/> applied.</summary>
public sealed class StorageNames
{
    public StorageNames(IOptions<StorageLayoutOptions> options)
        : this(options.Value.ResourcePrefix)
    {
    }

    public StorageNames(string prefix)
    {
        Prefix = prefix ?? "";
        StagingContainer = Prefix + "staging";
        ContentContainer = Prefix + "content";
        BlocksContainer = Prefix + "blocks";
        CidsTable = Prefix + "cids";
        PinsTable = Prefix + "pins";
        IdentitiesTable = Prefix + "identities";
        CredentialsTable = Prefix + "credentials";
        FilesTable = Prefix + "files";
        UploadsTable = Prefix + "uploads";
        NoncesTable = Prefix + "nonces";
        MemoObjectsTable = Prefix + "memoobjects";
        MemoVouchersTable = Prefix + "memovouchers";
        MailOutboxContainer = Prefix + "mail-outbox";
        CessKeysContainer = Prefix + "cess-keys";
        CessAuthTable = Prefix + "cessauth";
        CessFilesTable = Prefix + "cessfiles";
        CessRefsTable = Prefix + "cessrefs";
        DecooKeysTable = Prefix + "decookeys";
        PushQueue = Prefix + "push";
        PushPoisonQueue = Prefix + "push-poison";
        PinRequestsTable = Prefix + "pinrequests";
        RateLimitsTable = Prefix + "ratelimits";
        UsageTable = Prefix + "usage";
        PinQueue = Prefix + "pins";
        PinPoisonQueue = Prefix + "pins-poison";
    }

    public string Prefix { get; }

    /// <summary>Request bodies land here first (DESIGN.md §4 step 1).</summary>
    public string StagingContainer { get; }

    /// <summary>The <c>local</c> backend's content.</summary>
    public string ContentContainer { get; }

    /// <summary>The <c>local</c> backend's content-addressed blocks, one blob per block named by its multihash.</summary>
    public string BlocksContainer { get; }

    /// <summary>Which files have which root CID (partition = multihash key, row = owner and file).</summary>
    public string CidsTable { get; }

    /// <summary>Pins per identity (partition = owner, row = the pinned CID's multihash key), as Kubo's <c>pin</c> commands see them.</summary>
    public string PinsTable { get; }

    public string IdentitiesTable { get; }

    public string CredentialsTable { get; }

    public string FilesTable { get; }

    /// <summary>Unfinished and finished large uploads (tus and direct-to-blob), partition = owner, row = upload id.</summary>
    public string UploadsTable { get; }

    /// <summary>Single-use nonces (SIWE challenges, Lens messages already used), partition = the nonce, row = its kind.</summary>
    public string NoncesTable { get; }

    /// <summary>The MEMO surface's object list: partition = owner, row = the object's number (compat §2.5 <c>ID</c>).</summary>
    public string MemoObjectsTable { get; }

    /// <summary>MEMO vouchers and the bytes they have paid for so far, partition = payer address, row = space or traffic.</summary>
    public string MemoVouchersTable { get; }

    /// <summary>The development mail outbox: one JSON blob <c>{to, subject, html, text, sentAt}</c> per message.</summary>
    public string MailOutboxContainer { get; }

    /// <summary>The CESS surface's generated token key (Development only, when none is configured).</summary>
    public string CessKeysContainer { get; }

    /// <summary>CESS-Gateway's per-mailbox captcha or token state (compat.md §1.4), partition <c>mailbox</c>, row the mailbox.</summary>
    public string CessAuthTable { get; }

    /// <summary>The CESS surface's file names and fids per user, and which users hold each fid.</summary>
    public string CessFilesTable { get; }

    /// <summary>The CESS backend's references: which files share one fid stored through DeOSS.</summary>
    public string CessRefsTable { get; }

    /// <summary>The Decoo surface's RSA public keys, one per identity (partition = identity, row <c>rsa</c>), that check <c>secret</c>s.</summary>
    public string DecooKeysTable { get; }

    /// <summary>Push messages for the push worker.</summary>
    public string PushQueue { get; }

    /// <summary>Where pushes that ran out of attempts go (the Functions host's own naming: <c>&lt;queue&gt;-poison</c>).</summary>
    public string PushPoisonQueue { get; }

    /// <summary>Pin requests of the Pinning Service API (partition = owner, row = the inverted creation time), worked by the pin worker.</summary>
    public string PinRequestsTable { get; }

    /// <summary>Fixed-window rate-limit counters (partition = identity, row = route).</summary>
    public string RateLimitsTable { get; }

    /// <summary>Usage counters and quotas per identity (partition = identity, one row).</summary>
    public string UsageTable { get; }

    /// <summary>Pin jobs for the pin worker.</summary>
    public string PinQueue { get; }

    /// <summary>Where pin jobs that cannot be processed go.</summary>
    public string PinPoisonQueue { get; }

    public IEnumerable<string> Containers => [StagingContainer, ContentContainer, BlocksContainer, MailOutboxContainer, CessKeysContainer];

    public IEnumerable<string> Tables => [IdentitiesTable, CredentialsTable, FilesTable, CidsTable, UploadsTable, PinsTable, NoncesTable, MemoObjectsTable, MemoVouchersTable, PinRequestsTable, RateLimitsTable, UsageTable, CessAuthTable, CessFilesTable, CessRefsTable, DecooKeysTable];

    public IEnumerable<string> Queues => [PushQueue, PushPoisonQueue, PinQueue, PinPoisonQueue];
}
