using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Status;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Status;

/// <summary>Status computes the resolver's own keys against the lock: each kind of input change, hand edits, conflicts.</summary>
public sealed class StatusServiceTests
{
    private const string A = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string B = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    private static FakeItemGenerator ByTitle() => new(r => FakeItemGenerator.Code(
        r.Prompt.Title == "Alpha"
            ? $"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 1; }}\n"
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 1; }}\n"));

    private static ProjectStatus Status(ResolverFixture fx, ResolutionOptions? options = null) =>
        StatusService.Compute(options ?? fx.Options(), fx.Items, reportDirectory: null);

    private static ResolutionOptions With(ResolutionOptions o, ProjectContext? project = null, RepairMode? repair = null, int? maxPasses = null) => new()
    {
        Project = project ?? o.Project, StoreDirectory = o.StoreDirectory, UserCacheDirectory = o.UserCacheDirectory, OutputDirectory = o.OutputDirectory,
        DefaultModel = o.DefaultModel, Repair = repair ?? o.Repair, MaxPasses = maxPasses ?? o.MaxPasses, Regeneration = o.Regeneration,
    };

    private static ItemStatusEntry Item(ProjectStatus status, string path) => status.Items.Single(i => i.Path == path);

    [Fact]
    public async Task After_a_resolution_every_item_is_up_to_date_with_the_lock_keys_in_dependency_order()
    {
        using var fx = new ResolverFixture().Prompt("B.mprompt", B).Prompt("A.mprompt", A);
        await fx.ResolveAsync(ByTitle());
        var status = Status(fx);
        Assert.Equal(["A.mprompt", "B.mprompt"], status.Items.Select(i => i.Path));
        Assert.All(status.Items, i => Assert.Equal(ItemState.UpToDate, i.State));
        Assert.False(status.NeedsWork);
        var lockFile = new ResolvedStore(fx.Store).LoadLock();
        Assert.Equal(lockFile.Items.ToDictionary(e => e.Key, e => e.Value.Key), status.Items.ToDictionary(i => i.Path, i => i.Key!));
    }

    [Fact]
    public async Task Each_setting_change_is_named_as_its_reason()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(ByTitle());
        var options = fx.Options();

        Assert.All(Status(fx, fx.Options(model: "m2")).Items, i => Assert.Equal(["model"], i.Reasons));
        Assert.Equal(["repair"], Item(Status(fx, With(options, repair: RepairMode.Review)), "A.mprompt").Reasons);
        Assert.Equal(["repair"], Item(Status(fx, With(options, maxPasses: 5)), "A.mprompt").Reasons);
        Assert.Equal(["targetFramework"], Item(Status(fx, With(options, project: options.Project with { TargetFramework = "net9.0" })), "A.mprompt").Reasons);
        Assert.Equal(["langVersion"], Item(Status(fx, With(options, project: options.Project with { LangVersion = "12" })), "A.mprompt").Reasons);
        Assert.Equal(["nullable"], Item(Status(fx, With(options, project: options.Project with { Nullable = "disable" })), "A.mprompt").Reasons);
        Assert.Equal(["usings"], Item(Status(fx, With(options, project: options.Project with { ImplicitUsings = false })), "A.mprompt").Reasons);
        var stale = Item(Status(fx, fx.Options(model: "m2")), "A.mprompt");
        Assert.Equal(ItemState.Stale, stale.State);
    }

    [Fact]
    public async Task A_prompt_change_is_stale_on_prompt_and_a_used_items_new_code_is_stale_on_uses()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(ByTitle());
        fx.Prompt("A.mprompt", A.Replace("Return 1.", "Return one."));
        var status = Status(fx);
        Assert.Equal(ItemState.Stale, Item(status, "A.mprompt").State);
        Assert.Equal(["prompt"], Item(status, "A.mprompt").Reasons);
        Assert.Equal(ItemState.UpToDate, Item(status, "B.mprompt").State); // until A's code changes

        fx.Prompt("A.mprompt", A);

        // A teammate's resolution of A with other code (same key): A stays up to date, B is stale on uses:A.mprompt.
        var store = new ResolvedStore(fx.Store);
        var lockFile = store.LoadLock();
        var entry = lockFile.Items["A.mprompt"];
        var code = "namespace App;\npublic static class Alpha { public static int One() => 2 - 1; }\n";
        File.WriteAllText(store.GetFullPath(entry.CodeFile), code);
        lockFile.Items["A.mprompt"] = entry with { CodeHash = MicroPrompt.Hashing.ContentHash.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(code)) };
        store.SaveLock(lockFile);
        var after = Status(fx);
        Assert.Equal(ItemState.UpToDate, Item(after, "A.mprompt").State);
        Assert.Equal(ItemState.Stale, Item(after, "B.mprompt").State);
        Assert.Equal(["uses:A.mprompt"], Item(after, "B.mprompt").Reasons);
    }

    [Fact]
    public async Task A_hand_edit_is_hand_edited_and_with_a_changed_prompt_a_conflict_the_build_refuses_with_MP4020()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(ByTitle());
        var codeFile = Directory.GetFiles(Path.Combine(fx.Store, "code"), "*.cs").Single();
        File.AppendAllText(codeFile, "// tweaked by hand\n");
        var status = Status(fx);
        Assert.Equal(ItemState.HandEdited, Item(status, "A.mprompt").State);
        Assert.True(status.NeedsWork);

        var locked = await fx.ResolveAsync(ByTitle(), fx.Options(locked: true));
        var mp4004 = Assert.Single(locked.Diagnostics, d => d.Code == DiagnosticCodes.ResolvedCodeTampered);
        Assert.Contains("edited by hand", mp4004.Message);
        Assert.Contains("dotnet mprompt adopt A.mprompt", mp4004.Message);

        fx.Prompt("A.mprompt", A.Replace("Return 1.", "Return one."));
        var conflict = Item(Status(fx), "A.mprompt");
        Assert.Equal(ItemState.Conflict, conflict.State);
        Assert.Equal(["prompt"], conflict.Reasons);

        var generator = ByTitle();
        var build = await fx.ResolveAsync(generator);
        var mp4020 = Assert.Single(build.Diagnostics, d => d.Code == DiagnosticCodes.HandEditConflict);
        Assert.Equal(DiagnosticSeverity.Error, mp4020.Severity);
        Assert.Contains("edited by hand", mp4020.Message);
        Assert.Contains("prompt", mp4020.Message);
        Assert.Empty(generator.Requests); // never picks a side
        Assert.Contains("tweaked by hand", File.ReadAllText(codeFile));
    }

    [Fact]
    public async Task An_interrupted_write_is_not_a_hand_edit()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(ByTitle());
        fx.Prompt("A.mprompt", A.Replace("Return 1.", "Return one."));
        var codeFile = Directory.GetFiles(Path.Combine(fx.Store, "code"), "*.cs").Single();
        var lockPath = Path.Combine(fx.Store, "lock.json");
        var lockBefore = File.ReadAllText(lockPath);
        await fx.ResolveAsync(new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 1 + 0; }}\n")));
        // Crash between writing the code file and the lock: the code is new (and in the user cache), the lock is old.
        File.WriteAllText(lockPath, lockBefore);
        var status = Item(Status(fx), "A.mprompt");
        Assert.Equal(ItemState.Stale, status.State);
        Assert.NotNull(File.ReadAllText(codeFile));
    }

    [Fact]
    public void Unresolved_and_unparsable_items_are_reported()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("Bad.mprompt", "---\nkind: [\n---\n# Bad\n");
        var status = Status(fx);
        Assert.Equal(ItemState.Unresolved, Item(status, "A.mprompt").State);
        Assert.Equal(ItemState.Failed, Item(status, "Bad.mprompt").State);
        Assert.NotNull(Item(status, "Bad.mprompt").Note);
    }
}
