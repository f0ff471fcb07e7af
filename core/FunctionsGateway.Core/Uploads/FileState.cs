namespace FunctionsGateway.Core.Uploads;

/// <summary>Where a file is in the pipeline (DESIGN.md §4).</summary>
public enum FileState
{
    /// <summary>Committed to the staging container; the push is pending.</summary>
    Staged,

    /// <summary>The backend holds it.</summary>
    Stored,

    /// <summary>The push ran out of attempts; <see cref="FileRecord.LastError"/> says why.</summary>
    Failed,
}
