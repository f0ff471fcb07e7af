using System.Text;
using System.Text.RegularExpressions;
using FunctionsGateway.Testing;

namespace FunctionsGateway.Functions.Tests.Infra;

/// <summary>
/// A Bicep file of infra/ read as text. No Bicep compiler can be installed on the build machines
/// (spec/azure.md §2.8), so the infra test reads the files it controls, relying only on the conventions
/// infra/README.md lists under "What the infra test checks": one object key per line (<c>Name: value</c>),
/// <c>var name = [ … ]</c> lists of single-quoted strings, a param's decorators on the lines above it,
/// <c>//</c> comments. Strings are single-quoted with <c>\'</c> escapes; multi-line strings are not used.
/// </summary>
internal sealed partial class BicepFile
{
    private BicepFile(string relativePath, string text)
    {
        RelativePath = relativePath;
        Text = text;
        Code = StripComments(text);
    }

    /// <summary>The path below the repository root, for messages.</summary>
    public string RelativePath { get; }

    /// <summary>The file as written.</summary>
    public string Text { get; }

    /// <summary>The file without its comments (string literals kept).</summary>
    public string Code { get; }

    /// <summary>Every Bicep file under infra/.</summary>
    public static IReadOnlyList<BicepFile> All() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "infra"), "*.bicep*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Load(Path.GetRelativePath(RepositoryPaths.Root, f)))
            .ToList();

    /// <summary>A file by its path below the repository root, e.g. <c>infra/main.bicep</c>.</summary>
    public static BicepFile Load(string relativePath) =>
        new(relativePath.Replace('\\', '/'), File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));

    /// <summary>The keys of every <c>key: value</c> line (object properties and typed-object members).</summary>
    public IReadOnlySet<string> ObjectKeys() => ObjectKeys(Code);

    /// <summary>The keys of every <c>key: value</c> line of <paramref name="code"/>.</summary>
    public static IReadOnlySet<string> ObjectKeys(string code) =>
        ObjectKey().Matches(code).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The bracketed body (<c>{ … }</c> or <c>[ … ]</c>, brackets included) that follows the first match of
    /// <paramref name="header"/>, e.g. <c>var secretValues =</c>; throws naming the file when there is none.
    /// </summary>
    public string Block(string header)
    {
        var match = Regex.Match(Code, header, RegexOptions.Multiline);
        Assert.True(match.Success, $"{RelativePath} has no '{header}'.");
        var start = Code.IndexOfAny(['{', '['], match.Index + match.Length);
        Assert.True(start >= 0, $"{RelativePath}: no bracket after '{header}'.");
        var depth = 0;
        var inString = false;
        for (var i = start; i < Code.Length; i++)
        {
            var c = Code[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }
            }
            else if (c == '\'')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth == 0)
            {
                return Code[start..(i + 1)];
            }
        }

        throw new InvalidOperationException($"{RelativePath}: the block after '{header}' is not closed.");
    }

    /// <summary>The single-quoted strings of <c>var <paramref name="name"/> = [ … ]</c>.</summary>
    public IReadOnlyList<string> StringList(string name) =>
        StringLiteral().Matches(Block($@"^var\s+{name}\s*=")).Select(m => m.Groups["value"].Value).ToList();

    /// <summary>Every <c>param</c> with the decorators written on the lines above it.</summary>
    public IReadOnlyList<BicepParam> Params()
    {
        var result = new List<BicepParam>();
        var decorators = new StringBuilder();
        var open = 0;
        foreach (var line in Code.Split('\n').Select(l => l.Trim()))
        {
            if (open > 0 || line.StartsWith('@'))
            {
                // A decorator, possibly spread over lines (@allowed([ … ])).
                decorators.AppendLine(line);
                var outsideStrings = StringLiteral().Replace(line, "''");
                open += outsideStrings.Count(c => c is '(' or '[') - outsideStrings.Count(c => c is ')' or ']');
                continue;
            }

            var param = ParamDeclaration().Match(line);
            if (param.Success)
            {
                result.Add(new BicepParam(param.Groups["name"].Value, param.Groups["rest"].Value, decorators.ToString()));
            }

            if (line.Length > 0)
            {
                decorators.Clear();
            }
        }

        return result;
    }

    private static string StripComments(string text)
    {
        var code = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                code.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    code.Append(text[++i]);
                }
                else if (c == '\'')
                {
                    inString = false;
                }
            }
            else if (c == '\'')
            {
                inString = true;
                code.Append(c);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                code.Append(c);
            }
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^[ \t]*(?<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?!:)", RegexOptions.Multiline)]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"'(?<value>(?:[^'\\]|\\.)*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^param\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<rest>.*)$")]
    private static partial Regex ParamDeclaration();
}

/// <summary>A <c>param</c>: its name, what follows the name (type, default), and its decorators.</summary>
internal sealed record BicepParam(string Name, string Declaration, string Decorators)
{
    public bool IsSecure => Decorators.Contains("@secure()", StringComparison.Ordinal);
}
