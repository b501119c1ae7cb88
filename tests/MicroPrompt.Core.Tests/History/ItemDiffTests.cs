using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.History;

namespace MicroPrompt.Core.Tests.History;

/// <summary><c>diff</c>: the committed resolution against the working files, or two log entries.</summary>
public sealed class ItemDiffTests
{
    private const string PromptText = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";

    private static async Task<ResolverFixture> Committed()
    {
        var fx = new ResolverFixture();
        GitFixture.Init(fx.Root);
        File.WriteAllText(Path.Combine(fx.Root, ".gitignore"), "user-cache/\nobj/\n");
        fx.Prompt("A.mprompt", PromptText);
        await fx.ResolveAsync(new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 1; }}\n")));
        GitFixture.CommitAll(fx.Root, "Alpha");
        return fx;
    }

    private static HistoryContext Context(ResolverFixture fx) => new()
    {
        ProjectDirectory = fx.Root, StoreDirectory = fx.Store, ItemPath = "A.mprompt", UserCacheDirectory = fx.UserCache,
    };

    [Fact]
    public async Task A_clean_working_tree_has_no_diff_and_a_hand_edit_and_a_prompt_edit_show_up()
    {
        using var fx = await Committed();
        Assert.True(ItemDiff.WorkingAgainstCommitted(ItemHistory.Read(Context(fx))).IsEmpty);

        File.WriteAllText(Path.Combine(fx.Store, "code", "A.cs"), "namespace App;\npublic static class Alpha { public static int One() => 2 - 1; }\n");
        File.WriteAllText(Path.Combine(fx.Root, "A.mprompt"), PromptText.Replace("Return 1.", "Return 1, as 2 - 1."));
        var diff = ItemDiff.WorkingAgainstCommitted(ItemHistory.Read(Context(fx)));

        Assert.Equal(("HEAD", "working"), (diff.From, diff.To));
        Assert.Contains("+Return 1, as 2 - 1.", diff.Prompt);
        Assert.Contains("+public static class Alpha { public static int One() => 2 - 1; }", diff.Code);
        Assert.Contains("-public static class Alpha { public static int One() => 1; }", diff.Code);
    }

    [Fact]
    public async Task Two_log_entries_are_found_by_index_or_commit_and_an_unknown_one_is_MP4031()
    {
        using var fx = await Committed();
        fx.Prompt("A.mprompt", PromptText.Replace("Return 1.", "Return one."));
        await fx.ResolveAsync(new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 3 - 2; }}\n")));
        GitFixture.CommitAll(fx.Root, "Alpha again");
        var history = ItemHistory.Read(Context(fx));

        var byIndex = ItemDiff.Between(history, history.Find("2"), history.Find("1"));
        var byCommit = ItemDiff.Between(history, history.Find("HEAD~1"), history.Find(history.Entries[0].Revision![..8]));

        Assert.Equal(byIndex with { From = "", To = "" }, byCommit with { From = "", To = "" });
        Assert.Contains("+Return one.", byIndex.Prompt);
        Assert.Contains("=> 3 - 2", byIndex.Code);
        Assert.Equal(DiagnosticCodes.HistoryRevisionUnknown, Assert.Throws<MicroPromptException>(() => history.Find("7")).Diagnostic.Code);
    }
}
