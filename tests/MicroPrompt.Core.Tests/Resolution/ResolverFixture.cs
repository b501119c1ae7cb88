using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>A temp project folder with prompts, a store, a user cache and an obj output folder.</summary>
internal sealed class ResolverFixture : IDisposable
{
    public ResolverFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "mp-resolver-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Store => Path.Combine(Root, ".microprompt");

    public string UserCache => Path.Combine(Root, "user-cache");

    public string Output => Path.Combine(Root, "obj", "microprompt", "g");

    public List<ResolutionItem> Items { get; } = [];

    public ResolverFixture Prompt(string itemPath, string text, string? model = null)
    {
        var full = Path.Combine(Root, itemPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        Items.RemoveAll(i => i.ItemPath == itemPath);
        Items.Add(new ResolutionItem { FullPath = full, ItemPath = itemPath, ModelOverride = model });
        return this;
    }

    public ResolutionOptions Options(bool locked = false, bool designTime = false, string? model = "m1", IReadOnlyCollection<string>? regenerate = null, bool regenerateAll = false, RegenerationMode regeneration = RegenerationMode.Edit)
        => new()
        {
            Project = new ProjectContext { ProjectDirectory = Root, RootNamespace = "App", TargetFramework = "net10.0", Nullable = "enable", ImplicitUsings = true },
            StoreDirectory = Store,
            UserCacheDirectory = UserCache,
            OutputDirectory = Output,
            DefaultModel = model,
            Locked = locked,
            DesignTime = designTime,
            RegenerateItems = regenerate ?? [],
            RegenerateAll = regenerateAll,
            Regeneration = regeneration,
        };

    public async Task<ResolutionResult> ResolveAsync(FakeItemGenerator generator, ResolutionOptions? options = null)
    {
        var resolver = new PromptResolver(options ?? Options(), () => generator);
        return await resolver.ResolveAsync(Items, CancellationToken.None);
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
}
