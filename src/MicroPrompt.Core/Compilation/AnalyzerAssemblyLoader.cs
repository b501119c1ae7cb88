using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace MicroPrompt.Compilation;

/// <summary>
/// Loads analyzer (source generator) assemblies for the compile check, once per path per process: one
/// <see cref="AssemblyLoadContext"/> per analyzer directory, as the compiler does, so generators of different packages
/// keep their own copies of shared dependencies. An assembly the host already has loaded (Roslyn itself,
/// <c>System.Collections.Immutable</c>, ...) is shared with it, and <c>Microsoft.CodeAnalysis*</c> always comes from the
/// context that loaded this Roslyn, so a generator's <see cref="ISourceGenerator"/> is the type the driver knows; a
/// generator built against a newer Roslyn than this one fails to load (reported by <c>AnalyzerFileReference</c>, never
/// thrown). Other dependencies come from the analyzer's directory when present, else from the host.
/// </summary>
/// <remarks>Roslyn 5 has no public loader (its <c>AnalyzerAssemblyLoader</c> is internal); this is the interface's contract only.</remarks>
internal sealed class AnalyzerAssemblyLoader : IAnalyzerAssemblyLoader
{
    /// <summary>The one loader of the process: an analyzer assembly is loaded once, whatever the number of builds.</summary>
    public static readonly AnalyzerAssemblyLoader Shared = new();

    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly ConcurrentDictionary<string, DirectoryLoadContext> _contexts = new(PathComparer);
    private readonly AssemblyLoadContext _host = AssemblyLoadContext.GetLoadContext(typeof(Microsoft.CodeAnalysis.Compilation).Assembly) ?? AssemblyLoadContext.Default;

    public void AddDependencyLocation(string fullPath)
    {
        // Dependencies are found beside the analyzer by its directory's context; nothing to record.
    }

    public Assembly LoadFromPath(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? "";
        var context = _contexts.GetOrAdd(directory, d => new DirectoryLoadContext(d, _host));
        return context.LoadAnalyzer(fullPath);
    }

    private sealed class DirectoryLoadContext(string directory, AssemblyLoadContext host)
        : AssemblyLoadContext("MicroPrompt.Analyzers:" + directory, isCollectible: false)
    {
        private readonly object _gate = new();

        public Assembly LoadAnalyzer(string fullPath)
        {
            lock (_gate)
            {
                var name = AssemblyName.GetAssemblyName(fullPath);
                return Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
                    ?? LoadFromAssemblyPath(fullPath);
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // What the compiler already has (Roslyn, System.Collections.Immutable, ...) is shared, so types unify.
            var simpleName = assemblyName.Name ?? "";
            var loaded = host.Assemblies.Concat(host == Default ? [] : Default.Assemblies)
                .FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));
            if (loaded is not null)
            {
                return loaded;
            }

            var local = Path.Combine(directory, simpleName + ".dll");
            if (!simpleName.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && File.Exists(local))
            {
                return LoadFromAssemblyPath(local);
            }

            if (host == Default)
            {
                return null;
            }

            try
            {
                return host.LoadFromAssemblyName(assemblyName);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return null;
            }
        }
    }
}
