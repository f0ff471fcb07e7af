namespace FunctionsGateway.Core.Uploads;

/// <summary>
/// The staged blob was rewritten while the pipeline was reading it, so the digests computed do not describe
/// one version of it; nothing was recorded. Surfaces answer 409: the client should not write while completing.
/// </summary>
public sealed class StagedBlobChangedException : Exception
{
    public StagedBlobChangedException()
        : base("The staged blob changed while it was being read; complete the upload again once it is no longer written to.")
    {
    }

    public StagedBlobChangedException(string message)
        : base(message)
    {
    }

    public StagedBlobChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
