namespace FunctionsGateway.Core.Memo;

/// <summary>
/// The MEMO middleware's error classes (compat §2.1, <c>internal/logs/errors.go</c>): each has its HTTP status
/// (several custom, 516–527), its <c>Code</c> and the base of its <c>Description</c>.
/// </summary>
public enum MemoErrorKind
{
    /// <summary>500 <c>InternalError</c>, the mapper's default.</summary>
    Internal,

    /// <summary>501 <c>NotImplemented</c>.</summary>
    NotImplemented,

    /// <summary>516 <c>Storage</c>: the storage behind the route failed.</summary>
    Storage,

    /// <summary>517 <c>Address</c>.</summary>
    Address,

    /// <summary>518 <c>Storage</c> "Storage Error": the storage type is not served.</summary>
    StorageNotSupport,

    /// <summary>401 <c>Authentication</c>.</summary>
    Authentication,

    /// <summary>519 <c>contract</c> (the DID era's ContractError; the SIWE era called 519 <c>Balance</c>).</summary>
    Contract,

    /// <summary>520 <c>Eth</c>: the chain's RPC failed.</summary>
    Eth,

    /// <summary>521 <c>ServerError</c>.</summary>
    Server,

    /// <summary>522 <c>GatewayError</c>.</summary>
    Gateway,

    /// <summary>523 <c>ConfigError</c>: the service behind the route is not configured.</summary>
    Config,

    /// <summary>524 <c>DataBaseError</c>.</summary>
    DataBase,

    /// <summary>525 <c>ControllerError</c>: the request breaks a rule of the route (vouchers, ownership).</summary>
    Controller,

    /// <summary>526 <c>Permission</c>.</summary>
    Permission,

    /// <summary>527 <c>Wallet</c>.</summary>
    Wallet,

    /// <summary>
    /// 400 <c>InvalidRequest</c>: the request itself is malformed (a body that is not a form, no file, a parameter
    /// that is not a number). Not the original's: it answered these with the default 500 InternalError, which a
    /// client cannot tell from a server fault (docs/compatibility.md).
    /// </summary>
    InvalidRequest,
}

/// <summary>
/// One MEMO error: what the envelope <c>{"Code","Description","HTTPStatusCode"}</c> says, with
/// <c>Description = base + " (" + detail + ")"</c> as the original builds it (compat §2.1).
/// </summary>
public sealed record MemoError(MemoErrorKind Kind, string Detail)
{
    /// <summary>The HTTP status, which the body repeats as <c>HTTPStatusCode</c>.</summary>
    public int Status => Describe(Kind).Status;

    /// <summary>The envelope's <c>Code</c>.</summary>
    public string Code => Describe(Kind).Code;

    /// <summary>The envelope's <c>Description</c>.</summary>
    public string Description => Describe(Kind).Base + " (" + Detail + ")";

    /// <summary>The status, code and base description of a kind (compat §2.1's table).</summary>
    public static (int Status, string Code, string Base) Describe(MemoErrorKind kind) => kind switch
    {
        MemoErrorKind.NotImplemented => (501, "NotImplemented", "A header you provided implies functionality that is not implemented"),
        MemoErrorKind.Storage => (516, "Storage", "Error storing file"),
        MemoErrorKind.Address => (517, "Address", "Address Error"),
        MemoErrorKind.StorageNotSupport => (518, "Storage", "Storage Error"),
        MemoErrorKind.Authentication => (401, "Authentication", "Authentication Failed"),
        MemoErrorKind.Contract => (519, "contract", "contract Error"),
        MemoErrorKind.Eth => (520, "Eth", "Eth Error"),
        MemoErrorKind.Server => (521, "ServerError", "Server Error"),
        MemoErrorKind.Gateway => (522, "GatewayError", "Gateway Error"),
        MemoErrorKind.Config => (523, "ConfigError", "Config Error"),
        MemoErrorKind.DataBase => (524, "DataBaseError", "DataBase Error"),
        MemoErrorKind.Controller => (525, "ControllerError", "Controller Error"),
        MemoErrorKind.Permission => (526, "Permission", "You don't have access to the resource"),
        MemoErrorKind.Wallet => (527, "Wallet", "Wallet error"),
        MemoErrorKind.InvalidRequest => (400, "InvalidRequest", "Invalid request"),
        _ => (500, "InternalError", "We encountered an internal error, please try again."),
    };
}

/// <summary>
/// A MEMO rule refused the request, or a service it needs is missing; the surface answers <see cref="Error"/>'s
/// envelope. The one exception type of the MEMO boundary (STYLE.md rule 6).
/// </summary>
public sealed class MemoException : Exception
{
    public MemoException(MemoErrorKind kind, string detail)
        : this(new MemoError(kind, detail))
    {
    }

    public MemoException(MemoError error, Exception? innerException = null)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Description, innerException)
    {
        Error = error;
    }

    public MemoException()
        : this(MemoErrorKind.Internal, "unknown")
    {
    }

    public MemoException(string message)
        : this(MemoErrorKind.Internal, message)
    {
    }

    public MemoException(string message, Exception innerException)
        : this(new MemoError(MemoErrorKind.Internal, message), innerException)
    {
    }

    /// <summary>What the client is told.</summary>
    public MemoError Error { get; }

    /// <summary>Shorthand for the 523 a route answers when a setting it needs is empty.</summary>
    public static MemoException NotConfigured(string setting) => new(MemoErrorKind.Config, setting + " is not set");

    /// <summary>Shorthand for the 518 of a storage type that is not served.</summary>
    public static MemoException StorageNotSupported() => new(MemoErrorKind.StorageNotSupport, "storage not support");
}
