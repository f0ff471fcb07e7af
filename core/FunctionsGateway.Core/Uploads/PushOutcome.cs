using FunctionsGateway.Core.Storage.Queues;

namespace FunctionsGateway.Core.Uploads;

/// <summary>What became of one push delivery.</summary>
public enum PushOutcomeKind
{
    /// <summary>The backend has the file now.</summary>
    Stored,

    /// <summary>Nothing to do: already stored or failed, or the file was deleted.</summary>
    AlreadyDone,

    /// <summary>This attempt failed; try again after <see cref="PushOutcome.RetryAfter"/>.</summary>
    Retry,

    /// <summary>Out of attempts: the file is marked failed; the message belongs in the poison queue.</summary>
    Failed,

    /// <summary>The message is not a push message; it belongs in the poison queue.</summary>
    Malformed,
}

/// <summary>The outcome with its retry delay and reason.</summary>
public sealed record PushOutcome(PushOutcomeKind Kind, TimeSpan RetryAfter = default, string? Reason = null)
{
    /// <summary>True when the message is finished with (delete it).</summary>
    public bool IsComplete => Kind is PushOutcomeKind.Stored or PushOutcomeKind.AlreadyDone;

    /// <summary>How the queue message is settled.</summary>
    public QueueJobResult ToJobResult() => Kind switch
    {
        PushOutcomeKind.Retry => new QueueJobResult(QueueJobSettlement.Retry, RetryAfter, Reason),
        PushOutcomeKind.Failed or PushOutcomeKind.Malformed => new QueueJobResult(QueueJobSettlement.Poison, Reason: Reason),
        _ => new QueueJobResult(QueueJobSettlement.Done),
    };
}
