using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MicroPrompt.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Caching.Memory;

namespace MicroPrompt.Compilation;

/// <summary>
/// Keeps what every compile check of a build shares in an <see cref="IMemoryCache"/>: metadata references (per path and
/// last-write time), parsed project sources (per path, last-write time and parse options), parsed companion sources
/// (per content) and the project compilation built from them, so N items cost one load of each reference assembly and
/// one binding of the references. The source generators of the project's analyzers are kept beside the references
/// (see the Generators part of this class).
/// </summary>
internal sealed partial class CompilationInputCache
{
    private static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(10);
    private static readonly object[] Gates = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly IMemoryCache _cache;
    private readonly Action<string>? _log;
    private int _referencesLoaded;
    private int _sourcesParsed;
    private int _compilationsCreated;

    /// <param name="cache">Where references, sources, compilations and generators are kept.</param>
    /// <param name="log">Informational messages (an analyzer whose generators cannot be loaded).</param>
    public CompilationInputCache(IMemoryCache cache, Action<string>? log = null)
    {
        _cache = cache;
        _log = log;
    }

    /// <summary>Metadata references created by this instance (a cache hit does not count).</summary>
    public int ReferencesLoaded => Volatile.Read(ref _referencesLoaded);

    /// <summary>Project and companion sources parsed by this instance (a cache hit does not count).</summary>
    public int SourcesParsed => Volatile.Read(ref _sourcesParsed);

    /// <summary>Project compilations (references bound) created by this instance.</summary>
    public int CompilationsCreated => Volatile.Read(ref _compilationsCreated);

    /// <summary>The project's references and own sources (plus implicit usings) in one compilation, without generated code.</summary>
    public CSharpCompilation GetProjectCompilation(ProjectContext project, CompilationSettings settings)
    {
        var keyText = new StringBuilder(settings.CompilationKey).Append('\n');
        var references = new List<MetadataReference>();
        foreach (var file in Files(project.ReferencePaths))
        {
            if (GetReference(file) is { } reference)
            {
                references.Add(reference);
                keyText.Append("r|").Append(file.Path).Append('|').Append(file.Ticks).Append('\n');
            }
        }

        var trees = new List<SyntaxTree>();
        foreach (var file in Files(project.SourceFiles))
        {
            if (GetSourceTree(file, settings) is { } tree)
            {
                trees.Add(tree);
                keyText.Append("s|").Append(file.Path).Append('|').Append(file.Ticks).Append('\n');
            }
        }

        if (settings.GlobalUsingDirectives.Count > 0)
        {
            trees.Add(GetImplicitUsingsTree(settings));
        }

        var key = new CacheKey("compilation", Hash(keyText.ToString()));
        return GetOrAdd(key, () =>
        {
            Interlocked.Increment(ref _compilationsCreated);
            return CSharpCompilation.Create("MicroPrompt.CompileCheck", trees, references, settings.CompilationOptions);
        })!;
    }

    /// <summary>Companion sources parsed once per distinct content (identical contents are passed once).</summary>
    public IReadOnlyList<SyntaxTree> GetCompanionTrees(IReadOnlyList<string> sources, CompilationSettings settings)
    {
        var trees = new List<SyntaxTree>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                continue;
            }

            var hash = Hash(source);
            if (!seen.Add(hash))
            {
                continue;
            }

            trees.Add(GetOrAdd(new CacheKey("companion", $"{hash}|{settings.ParseKey}"), () =>
            {
                Interlocked.Increment(ref _sourcesParsed);
                return CSharpSyntaxTree.ParseText(
                    SourceText.From(source, Encoding.UTF8),
                    settings.ParseOptions,
                    $"MicroPrompt.Companion.{hash[..12]}.g.cs");
            })!);
        }

        return trees;
    }

    /// <summary>The caller errors of a baseline (see <see cref="CallerCheck"/>), computed once per key.</summary>
    public HashSet<string> GetOrAddBaseline(string key, string baseline, Func<HashSet<string>> create) =>
        GetOrAdd(new CacheKey("caller-baseline", Hash(key + "\n" + baseline)), create)!;

    private MetadataReference? GetReference(FileStamp file) =>
        GetOrAdd(new CacheKey("reference", $"{file.Path}|{file.Ticks}"), () =>
        {
            try
            {
                var reference = MetadataReference.CreateFromFile(file.Path);
                Interlocked.Increment(ref _referencesLoaded);
                return reference;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                // Not loadable (vanished, locked, not an assembly): the project's own compile reports it, not us.
                return null;
            }
        });

    private SyntaxTree? GetSourceTree(FileStamp file, CompilationSettings settings) =>
        GetOrAdd(new CacheKey("source", $"{file.Path}|{file.Ticks}|{settings.ParseKey}"), () =>
        {
            try
            {
                using var stream = File.OpenRead(file.Path);
                var text = SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256);
                Interlocked.Increment(ref _sourcesParsed);
                return CSharpSyntaxTree.ParseText(text, settings.ParseOptions, file.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        });

    /// <summary>The project's global usings (implicit set and <c>@(Using)</c> items), as the SDK's GlobalUsings.g.cs has them.</summary>
    private SyntaxTree GetImplicitUsingsTree(CompilationSettings settings) =>
        GetOrAdd(new CacheKey("implicit-usings", settings.ParseKey + "|" + Hash(string.Join("\n", settings.GlobalUsingDirectives))), () =>
        {
            var text = string.Concat(settings.GlobalUsingDirectives.Select(d => d + "\n"));
            return CSharpSyntaxTree.ParseText(
                SourceText.From("// <auto-generated/>\n" + text, Encoding.UTF8),
                settings.ParseOptions,
                "MicroPrompt.ImplicitUsings.g.cs");
        })!;

    private T? GetOrAdd<T>(CacheKey key, Func<T?> create)
        where T : class
    {
        if (_cache.TryGetValue(key, out T? value))
        {
            return value;
        }

        lock (Gates[(key.GetHashCode() & int.MaxValue) % Gates.Length])
        {
            if (_cache.TryGetValue(key, out value))
            {
                return value;
            }

            value = create();
            if (value is not null)
            {
                // Size is set so a cache configured with a SizeLimit accepts the entry.
                _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = SlidingExpiration });
            }

            return value;
        }
    }

    /// <summary>Existing files, full paths, first occurrence only, with their last-write time.</summary>
    private static IEnumerable<FileStamp> Files(IReadOnlyList<string> paths)
    {
        var seen = new HashSet<string>(PathComparer);
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            string full;
            try
            {
                full = Path.GetFullPath(path.Trim());
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            if (!seen.Add(full) || !File.Exists(full))
            {
                continue;
            }

            yield return new FileStamp(full, File.GetLastWriteTimeUtc(full).Ticks);
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private readonly record struct FileStamp(string Path, long Ticks);

    private sealed record CacheKey(string Kind, string Value);
}
