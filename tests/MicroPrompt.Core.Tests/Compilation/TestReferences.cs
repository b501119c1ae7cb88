using NuGet.Versioning;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>The reference assemblies of the running .NET (its targeting pack), found beside the running runtime.</summary>
internal static class TestReferences
{
    private static readonly Lazy<IReadOnlyList<string>> Paths = new(Find);

    public static IReadOnlyList<string> All => Paths.Value;

    /// <summary>
    /// The source generators of the same targeting pack (<c>&lt;pack&gt;/&lt;version&gt;/analyzers/dotnet/cs/*.dll</c>:
    /// Regex, System.Text.Json, LibraryImport, ...), as the SDK passes them in <c>@(Analyzer)</c>.
    /// </summary>
    public static IReadOnlyList<string> Generators
    {
        get
        {
            // All[0] is <pack>/<version>/ref/<tfm>/X.dll.
            var versionDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(All[0])!, "..", ".."));
            var analyzers = Path.Combine(versionDirectory, "analyzers", "dotnet", "cs");
            return Directory.Exists(analyzers) ? Directory.GetFiles(analyzers, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToArray() : [];
        }
    }

    private static IReadOnlyList<string> Find()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
        {
            roots.Add(dotnetRoot);
        }

        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        roots.Add(Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..")));

        foreach (var root in roots)
        {
            var pack = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(pack))
            {
                continue;
            }

            var newest = Directory.GetDirectories(pack)
                .Select(d => (Dir: d, Version: NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null))
                .Where(x => x.Version is not null)
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir);
            foreach (var versionDirectory in newest)
            {
                var refDirectory = Path.Combine(versionDirectory, "ref");
                if (!Directory.Exists(refDirectory))
                {
                    continue;
                }

                var tfm = Directory.GetDirectories(refDirectory)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
                    .FirstOrDefault(d => Directory.GetFiles(d, "System.Runtime.dll").Length > 0);
                if (tfm is not null)
                {
                    return Directory.GetFiles(tfm, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToArray();
                }
            }
        }

        throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref pack found under: {string.Join(", ", roots)}");
    }
}
