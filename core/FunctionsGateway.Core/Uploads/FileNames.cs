namespace FunctionsGateway.Core.Uploads;

/// <summary>What a file name may be, whichever route names the file (a PUT path, tus <c>filename</c>, a direct upload's <c>name</c>).</summary>
public static class FileNames
{
    public const int MaxLength = 255;

    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "The file name must be 1 to 255 characters, not '.' or '..', without control characters or slashes.";

    /// <summary>1 to <see cref="MaxLength"/> characters, not <c>.</c> or <c>..</c>, no control characters, no slashes.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && name is not ("." or "..")
        && !name.Any(c => char.IsControl(c) || c is '/' or '\\');

    /// <summary>
    /// <see cref="IsValid"/> for a name taken from one URL path segment as ASP.NET Core routing leaves it: every escape
    /// is decoded but <c>%2F</c>, which stays as text, so a name holding it is a path, not one file name.
    /// </summary>
    public static bool IsValidPathSegment(string? name) =>
        IsValid(name) && !name!.Contains("%2F", StringComparison.OrdinalIgnoreCase);
}
