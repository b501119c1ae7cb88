using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.History;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.History;

/// <summary><c>log</c>: an item's resolutions from the store's git history, the working tree and the user cache.</summary>
public sealed class ItemHistoryTests
{
    private static string Prompt(string what) => $"# Alpha\n\nReturn {what}.\n\n## Contract\n```csharp\npublic static class Alpha {{ public static int One(); }}\n```\n";

    private static FakeItemGenerator Generator(string body) => new(r => FakeItemGenerator.Code($"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => {body}; }}\n") with { Edited = r.Previous is { Edit: true } });

    private static HistoryContext Context(ResolverFixture fx) => new()
    {
        ProjectDirectory = fx.Root, StoreDirectory = fx.Store, ItemPath = "A.mprompt", UserCacheDirectory = fx.UserCache,
    };

    /// <summary>Three committed resolutions of A.mprompt: 1, 2 - 1, 3 - 2 (the user cache kept outside the repository's commits).</summary>
    private static async Task<ResolverFixture> ThreeResolutions()
    {
        var fx = new ResolverFixture();
        GitFixture.Init(fx.Root);
        File.WriteAllText(Path.Combine(fx.Root, ".gitignore"), "user-cache/\nobj/\n");
        foreach (var (what, body) in new[] { ("1", "1"), ("1 as 2 - 1", "2 - 1"), ("1 as 3 - 2", "3 - 2") })
        {
            fx.Prompt("A.mprompt", Prompt(what));
            var result = await fx.ResolveAsync(Generator(body));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            GitFixture.CommitAll(fx.Root, "Alpha: " + what);
        }

        return fx;
    }

    [Fact]
    public async Task Three_committed_resolutions_are_listed_newest_first_with_their_provenance_and_cost()
    {
        using var fx = await ThreeResolutions();

        var history = ItemHistory.Read(Context(fx) with { Prices = global::MicroPrompt.Cost.PriceTable.Default });

        Assert.Equal(3, history.Entries.Count);
        Assert.All(history.Entries, e => Assert.Equal(HistorySource.Commit, e.Source));
        Assert.Equal(["Alpha: 1 as 3 - 2", "Alpha: 1 as 2 - 1", "Alpha: 1"], history.Entries.Select(e => e.Subject));
        Assert.Equal([1, 2, 3], history.Entries.Select(e => e.Index));
        Assert.Equal(["edited", "edited", "generated"], history.Entries.Select(e => e.Origin));
        Assert.Equal(history.Entries[1].CodeHash, history.Entries[0].Base);
        Assert.All(history.Entries, e => Assert.Equal((1, 100L, 50L), (e.Passes, e.InputTokens, e.OutputTokens)));
        Assert.All(history.Entries, e => Assert.Null(e.CostUsd)); // model m1 has no price
        Assert.Equal(new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"].CodeHash, history.Committed!.CodeHash);
        Assert.Contains("3 - 2", history.CodeText(history.Entries[0]));
        Assert.Contains("Return 1.", history.PromptText(history.Entries[2]));
    }

    [Fact]
    public async Task Patch_shows_the_prompt_diff_beside_the_code_diff()
    {
        using var fx = await ThreeResolutions();
        var history = ItemHistory.Read(Context(fx));

        var (prompt, code) = history.Patch(history.Entries[1], history.Entries[0]);

        Assert.Contains("-Return 1 as 2 - 1.", prompt);
        Assert.Contains("+Return 1 as 3 - 2.", prompt);
        Assert.Contains("-public static class Alpha { public static int One() => 2 - 1; }", code);
        Assert.Contains("+public static class Alpha { public static int One() => 3 - 2; }", code);
    }

    [Fact]
    public async Task An_uncommitted_resolution_comes_first_and_a_generation_replaced_before_any_commit_comes_from_the_user_cache()
    {
        using var fx = await ThreeResolutions();
        fx.Prompt("A.mprompt", Prompt("1 as 4 - 3"));
        await fx.ResolveAsync(Generator("4 - 3"));
        fx.Prompt("A.mprompt", Prompt("1 as 5 - 4"));
        await fx.ResolveAsync(Generator("5 - 4"));

        var history = ItemHistory.Read(Context(fx));

        Assert.Equal(5, history.Entries.Count);
        Assert.Equal(HistorySource.Working, history.Entries[0].Source);
        Assert.Contains("5 - 4", history.CodeText(history.Entries[0]));
        Assert.Equal(HistorySource.Cache, history.Entries[1].Source);
        Assert.Contains("4 - 3", history.CodeText(history.Entries[1]));
        Assert.Contains("Return 1 as 4 - 3.", history.PromptText(history.Entries[1])); // the user cache's prompt snapshot
    }

    [Fact]
    public void Outside_a_git_repository_the_history_is_an_MP4030_error()
    {
        using var fx = new ResolverFixture();
        var error = Assert.Throws<MicroPromptException>(() => ItemHistory.Read(Context(fx)));
        Assert.Equal(DiagnosticCodes.HistoryUnavailable, error.Diagnostic.Code);
    }
}
