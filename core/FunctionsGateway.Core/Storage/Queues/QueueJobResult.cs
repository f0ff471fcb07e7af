namespace FunctionsGateway.Core.Storage.Queues;

/// <summary>What to do with a queue message once its job ran.</summary>
public enum QueueJobSettlement
{
    /// <summary>Finished with (done, or nothing left to do): delete it.</summary>
    Done,

    /// <summary>Try again after <see cref="QueueJobResult.RetryAfter"/>.</summary>
    Retry,

    /// <summary>Out of attempts, or not a message of this queue: move it to the poison queue.</summary>
    Poison,
}

/// <summary>The settlement of one job with its retry delay and reason.</summary>
public readonly record struct QueueJobResult(QueueJobSettlement Settlement, TimeSpan RetryAfter = default, string? Reason = null);
