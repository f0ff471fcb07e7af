namespace FunctionsGateway.Core.Pins;

/// <summary>How the <c>name</c> filter matches (the Pinning Service API's <c>TextMatchingStrategy</c>).</summary>
public enum PinNameMatch
{
    /// <summary>Whole name, case-sensitive (the default).</summary>
    Exact,

    /// <summary>Whole name, case-insensitive.</summary>
    IExact,

    /// <summary>Substring, case-sensitive.</summary>
    Partial,

    /// <summary>Substring, case-insensitive.</summary>
    IPartial,
}
