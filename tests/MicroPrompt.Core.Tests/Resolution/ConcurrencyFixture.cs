using System.Text.RegularExpressions;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>A project folder with generated prompt files, and resolver runs over it.</summary>
internal sealed partial class ConcurrencyFixture : IDisposable
{
    private readonly List<ResolutionItem> _items = [];

    public ConcurrencyFixture(string? root = null, string? userCache = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "mp-resolve-" + Guid.NewGuid().ToString("N")[..10]);
        ProjectDirectory = Path.Combine(Root, "project");
        Directory.CreateDirectory(ProjectDirectory);
        UserCache = userCache ?? Path.Combine(Root, "user-cache");
    }

    public string Root { get; }

    public string ProjectDirectory { get; }

    public string UserCache { get; }

    public string Store => Path.Combine(ProjectDirectory, ".microprompt");

    public IReadOnlyList<ResolutionItem> Items => _items;

    /// <summary>Adds <paramref name="count"/> independent prompts, then <paramref name="dependents"/> that each use one of them.</summary>
    public ConcurrencyFixture WithPrompts(int count, int dependents = 0)
    {
        for (var i = 0; i < count; i++)
        {
            Add($"P{i:00}.mprompt", $"# Prompt {i:00}\n\nReturn the number {i}.\n");
        }

        for (var i = 0; i < dependents; i++)
        {
            Add($"D{i:00}.mprompt", $"---\nuses: [P{i % count:00}.mprompt]\n---\n# Dependent {i:00}\n\nReturn twice prompt {i % count}.\n");
        }

        return this;
    }

    public ConcurrencyFixture Add(string itemPath, string text)
    {
        var full = Path.Combine(ProjectDirectory, itemPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        _items.Add(new ResolutionItem { FullPath = full, ItemPath = itemPath });
        return this;
    }

    public ResolutionOptions Options(string output = "obj", int concurrency = 4) => new()
    {
        Project = new ProjectContext { ProjectDirectory = ProjectDirectory, RootNamespace = "App", TargetFramework = "net10.0" },
        StoreDirectory = Store,
        UserCacheDirectory = UserCache,
        OutputDirectory = Path.Combine(ProjectDirectory, output),
        DefaultModel = "test-model",
        MaxConcurrency = concurrency,
        GeneratorVersion = "1.0.0-test",
    };

    public Task<ResolutionResult> ResolveAsync(IItemGenerator generator, string output = "obj", int concurrency = 4, CancellationToken cancellationToken = default)
        => new PromptResolver(Options(output, concurrency), () => generator).ResolveAsync(_items, cancellationToken);

    /// <summary>lock.json with the generation timestamps blanked (they are the one thing that differs between runs).</summary>
    public string NormalizedLock() => GeneratedAt().Replace(File.ReadAllText(Path.Combine(Store, "lock.json")), "\"generatedAt\":\"-\"");

    /// <summary>Asserts the store is whole: lock.json parses, every entry's code file exists and matches its hash, no temp files.</summary>
    public LockFile AssertStoreIntact()
    {
        var store = new ResolvedStore(Store);
        var lockFile = store.LoadLock();
        foreach (var (path, entry) in lockFile.Items)
        {
            Assert.True(store.TryReadCode(entry, out _, out var problem), $"{path}: {problem}");
        }

        Assert.Empty(Directory.EnumerateFiles(Root, "*.tmp", SearchOption.AllDirectories));
        return lockFile;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("\"generatedAt\": ?\"[^\"]*\"")]
    private static partial Regex GeneratedAt();
}
