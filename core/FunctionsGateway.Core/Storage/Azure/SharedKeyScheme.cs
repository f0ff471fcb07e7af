namespace FunctionsGateway.Core.Storage.Azure;

/// <summary>The Shared Key flavours used here; the names are the <c>Authorization</c> scheme tokens.</summary>
internal enum SharedKeyScheme
{
    /// <summary>Blob and Queue: the full string-to-sign with standard and <c>x-ms-*</c> headers.</summary>
    SharedKey,

    /// <summary>Table: date and resource only (what <c>Azure.Data.Tables</c> sends).</summary>
    SharedKeyLite,
}
