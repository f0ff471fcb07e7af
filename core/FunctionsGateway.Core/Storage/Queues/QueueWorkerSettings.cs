namespace FunctionsGateway.Core.Storage.Queues;

/// <summary>Which queue a worker serves, where its poison goes, and how it polls.</summary>
/// <param name="Queue">The work queue.</param>
/// <param name="PoisonQueue">Where messages out of attempts go (<c>&lt;queue&gt;-poison</c>, the Functions host's naming).</param>
/// <param name="VisibilityTimeout">How long a received message stays hidden from other workers while its job runs.</param>
/// <param name="PollInterval">How long the hosted poller waits when the queue is empty.</param>
public sealed record QueueWorkerSettings(string Queue, string PoisonQueue, TimeSpan VisibilityTimeout, TimeSpan PollInterval);
