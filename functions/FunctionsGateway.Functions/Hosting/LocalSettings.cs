using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace FunctionsGateway.Functions.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c> the way Azure Functions Core Tools does: each entry of <c>Values</c> is a
/// setting, with <c>__</c> as the section separator (spec/azure.md §1.7). Looked for in the content root and
/// its parents; in Development, when there is none, <c>local.settings.example.json</c> is used so that a fresh
/// clone runs as it is. Environment variables and the command line still win.
/// </summary>
internal static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public const string ExampleFileName = "local.settings.example.json";

    /// <summary>Adds the settings file, if one is found, below environment variables in precedence.</summary>
    public static void AddLocalSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Find(builder.Environment.ContentRootPath, FileName)
            ?? Find(AppContext.BaseDirectory, FileName)
            ?? (builder.Environment.IsDevelopment() ? Find(builder.Environment.ContentRootPath, ExampleFileName) ?? Find(AppContext.BaseDirectory, ExampleFileName) : null);
        if (path is null)
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        var environment = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        var settings = new MemoryConfigurationSourceWithPath(path, Read(path));
        if (environment.s is null)
        {
            sources.Add(settings);
        }
        else
        {
            sources.Insert(environment.i, settings);
        }
    }

    /// <summary>The <c>Values</c> of a settings file as configuration keys (<c>A__B</c> → <c>A:B</c>).</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return values;
    }

    private static string? Find(string start, string fileName)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            // Stop at the app root (where host.json lives) or the repository root.
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>An in-memory source that remembers its file, so that a configuration dump names where a value came from.</summary>
    private sealed class MemoryConfigurationSourceWithPath(string path, Dictionary<string, string?> values) : IConfigurationSource
    {
        public string Path { get; } = path;

        public IConfigurationProvider Build(IConfigurationBuilder builder) =>
            new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationProvider(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
    }
}
