using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Resolution;

public sealed class PromptResolverTests
{
    private const string A = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string B = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    private static FakeItemGenerator ByTitle() => new(r => FakeItemGenerator.Code(
        r.Prompt.Title == "Alpha"
            ? $"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 1; }}\n"
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 1; }}\n"));

    [Fact]
    public async Task Generates_in_uses_order_then_resolves_from_the_lock_without_creating_a_generator()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        var generator = ByTitle();
        var first = await fx.ResolveAsync(generator);
        Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics));
        Assert.Equal(["Alpha", "Beta"], generator.Requests.Select(r => r.Prompt.Title));
        var beta = generator.Requests.Last();
        Assert.Contains(beta.Uses, u => u.ItemPath == "A.mprompt" && u.Code.Contains("class Alpha") && u.Namespace == "App");
        Assert.All(first.Items, i => Assert.Equal(ItemStatus.Generated, i.Status));
        Assert.True(generator.Disposed);

        var created = false;
        var second = await new PromptResolver(fx.Options(), () => { created = true; return ByTitle(); }).ResolveAsync(fx.Items, default);
        Assert.False(created);
        Assert.All(second.Items, i => Assert.Equal(ItemStatus.Resolved, i.Status));
        Assert.Equal(new UsageTotals(100, 50), second.Items[0].OriginalUsage);
        Assert.Equal(UsageTotals.Zero, second.Items[0].Usage);
    }

    [Fact]
    public async Task Model_precedence_is_item_metadata_then_front_matter_then_default()
    {
        using var fx = new ResolverFixture()
            .Prompt("Item.mprompt", "---\nmodel: fm\n---\n# One\n\nx\n", model: "meta")
            .Prompt("Front.mprompt", "---\nmodel: fm\n---\n# Two\n\nx\n")
            .Prompt("Default.mprompt", "# Three\n\nx\n");
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class C{r.Prompt.Title} {{ }}\n"));
        var result = await fx.ResolveAsync(generator, fx.Options(model: "default"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var models = generator.Requests.ToDictionary(r => r.ItemPath, r => r.Model);
        Assert.Equal("meta", models["Item.mprompt"]);
        Assert.Equal("fm", models["Front.mprompt"]);
        Assert.Equal("default", models["Default.mprompt"]);
    }

    [Fact]
    public async Task No_model_anywhere_is_MP1001_at_the_prompt()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        var result = await fx.ResolveAsync(ByTitle(), fx.Options(model: null));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NoModel, d.Code);
        Assert.EndsWith("A.mprompt", d.File);
    }

    [Fact]
    public async Task Changing_the_model_changes_the_key_and_switching_back_is_served_by_the_user_cache()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        var generator = ByTitle();
        await fx.ResolveAsync(generator, fx.Options(model: "m1"));
        await fx.ResolveAsync(generator, fx.Options(model: "m2"));
        Assert.Equal(2, generator.Requests.Count);
        var back = await fx.ResolveAsync(generator, fx.Options(model: "m1"));
        Assert.Equal(2, generator.Requests.Count);
        Assert.Equal(ItemStatus.Cached, back.Items[0].Status);
        Assert.Contains("\"model\": \"m1\"", File.ReadAllText(Path.Combine(fx.Store, "lock.json")));
    }

    [Fact]
    public async Task Cycle_in_uses_is_MP0021_at_the_uses_entry_and_nothing_is_generated()
    {
        using var fx = new ResolverFixture()
            .Prompt("A.mprompt", "---\nuses: [B.mprompt]\n---\n# Alpha\n\nx\n")
            .Prompt("B.mprompt", "---\nuses:\n  - A.mprompt\n---\n# Beta\n\nx\n")
            .Prompt("C.mprompt", "# Gamma\n\nx\n")
            .Prompt("D.mprompt", "---\nuses: [A.mprompt]\n---\n# Delta\n\nx\n");
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ }}\n"));
        var result = await fx.ResolveAsync(generator);
        Assert.Equal(DiagnosticCodes.DependencyFailed, Assert.Single(result.Diagnostics, d => d.File!.EndsWith("D.mprompt")).Code);
        var cycle = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UsesCycle);
        Assert.Contains("A.mprompt -> B.mprompt -> A.mprompt", cycle.Message);
        Assert.True(cycle.Line > 1);
        Assert.Equal(["Gamma"], generator.Requests.Select(r => r.Prompt.Title));
        Assert.Equal(ItemStatus.Failed, result.Items.Single(i => i.ItemPath == "A.mprompt").Status);
    }

    [Fact]
    public async Task Uses_naming_a_missing_prompt_is_MP0020_with_its_location()
    {
        using var fx = new ResolverFixture().Prompt("B.mprompt", B);
        var result = await fx.ResolveAsync(ByTitle());
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UsesNotFound, d.Code);
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public async Task Locked_with_a_miss_is_MP2004_and_never_creates_a_generator()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        var created = false;
        var result = await new PromptResolver(fx.Options(locked: true), () => { created = true; return ByTitle(); }).ResolveAsync(fx.Items, default);
        Assert.False(created);
        Assert.Equal(DiagnosticCodes.LockedMissingResolution, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(result.GeneratedFiles);
        Assert.False(File.Exists(Path.Combine(fx.Store, "lock.json")));
    }

    [Fact]
    public async Task Locked_build_does_not_accept_a_user_cache_hit_that_the_lock_lacks()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(ByTitle());
        File.Delete(Path.Combine(fx.Store, "lock.json"));
        var result = await fx.ResolveAsync(ByTitle(), fx.Options(locked: true));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LockedMissingResolution, d.Code);
        Assert.Contains("user cache", d.Message);
    }

    [Fact]
    public async Task Tampered_resolved_code_is_never_compiled_locked_fails_unlocked_regenerates()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(ByTitle());
        var codeFile = Directory.GetFiles(Path.Combine(fx.Store, "code"), "*.cs").Single();
        File.AppendAllText(codeFile, "// sneaky\n");
        Directory.Delete(fx.UserCache, recursive: true);

        var locked = await fx.ResolveAsync(ByTitle(), fx.Options(locked: true));
        Assert.Contains(locked.Diagnostics, d => d.Code == DiagnosticCodes.ResolvedCodeTampered && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(locked.GeneratedFiles);

        var generator = ByTitle();
        var unlocked = await fx.ResolveAsync(generator);
        Assert.Contains(unlocked.Diagnostics, d => d.Code == DiagnosticCodes.ResolvedCodeTampered && d.Severity == DiagnosticSeverity.Warning);
        Assert.Single(generator.Requests);
        Assert.DoesNotContain("sneaky", File.ReadAllText(unlocked.GeneratedFiles.Single()));
    }

    [Fact]
    public async Task Regenerate_by_name_bypasses_lock_and_cache_for_that_item_only()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("C.mprompt", "# Gamma\n\nx\n");
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ }}\n"));
        await fx.ResolveAsync(generator);
        await fx.ResolveAsync(generator, fx.Options(regenerate: ["A"]));
        Assert.Equal(3, generator.Requests.Count);
        Assert.Equal("Alpha", generator.Requests.Last().Prompt.Title);
        Assert.Single(generator.Requests, r => r.Prompt.Title == "Gamma");
    }

    [Fact]
    public async Task Design_time_emits_contract_stubs_and_writes_no_state()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        var created = false;
        var result = await new PromptResolver(fx.Options(designTime: true), () => { created = true; return ByTitle(); }).ResolveAsync(fx.Items, default);
        Assert.False(created);
        Assert.False(result.HasErrors);
        Assert.Equal(ItemStatus.Stub, result.Items.Single(i => i.ItemPath == "A.mprompt").Status);
        Assert.Equal(ItemStatus.Unresolved, result.Items.Single(i => i.ItemPath == "B.mprompt").Status); // no contract
        Assert.Contains("NotImplementedException", File.ReadAllText(Assert.Single(result.GeneratedFiles)));
        Assert.False(Directory.Exists(fx.Store));
        Assert.False(result.Complete);
    }

    [Fact]
    public async Task Design_time_without_any_model_still_emits_stubs_and_reports_no_missing_model()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);

        var designTime = await new PromptResolver(fx.Options(designTime: true, model: null), ByTitle).ResolveAsync(fx.Items, default);
        Assert.Empty(designTime.Diagnostics);
        Assert.Equal(ItemStatus.Stub, designTime.Items.Single(i => i.ItemPath == "A.mprompt").Status);

        var real = await new PromptResolver(fx.Options(model: null), ByTitle).ResolveAsync(fx.Items, default);
        Assert.Contains(real.Diagnostics, d => d.Code == DiagnosticCodes.NoModel);
    }

    [Fact]
    public async Task Failed_regeneration_keeps_the_previous_resolution_in_place_and_the_others()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("C.mprompt", "# Gamma\n\nx\n");
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ }}\n"));
        var first = await fx.ResolveAsync(generator);
        Assert.Equal(2, first.GeneratedFiles.Count);

        fx.Prompt("C.mprompt", "# Gamma\n\nchanged\n");
        var failing = new FakeItemGenerator(_ => new GenerationOutcome { Status = GenerationStatus.Failed, FailureCode = DiagnosticCodes.GenerationFailed, FailureMessage = "nope", Passes = 3 });
        var second = await fx.ResolveAsync(failing);
        Assert.Equal(DiagnosticCodes.GenerationFailed, Assert.Single(second.Diagnostics).Code);
        // The previous resolution stays: the project keeps compiling what it compiled before (never the failed code).
        Assert.Equal(2, second.GeneratedFiles.Count);
        Assert.Contains("public static class Gamma", File.ReadAllText(Path.Combine(fx.Output, "C.g.cs")));
        Assert.Equal(ItemStatus.Failed, second.Items.Single(i => i.ItemPath == "C.mprompt").Status);
    }

    [Fact]
    public async Task Removed_prompts_are_pruned_from_the_lock_and_their_code_deleted()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("C.mprompt", "# Gamma\n\nx\n");
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace}; public static class {r.Prompt.Title} {{ }}\n"));
        await fx.ResolveAsync(generator);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(fx.Store, "code"), "*.cs").Length);

        fx.Items.RemoveAll(i => i.ItemPath == "C.mprompt");
        var result = await fx.ResolveAsync(generator);
        Assert.False(result.HasErrors);
        var lockFile = new ResolvedStore(fx.Store).LoadLock();
        Assert.Equal(["A.mprompt"], lockFile.Items.Keys);
        Assert.Single(Directory.GetFiles(Path.Combine(fx.Store, "code"), "*.cs"));
    }

    [Fact]
    public async Task Generated_files_are_rewritten_only_when_their_content_changes()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        var first = await fx.ResolveAsync(ByTitle());
        var file = first.GeneratedFiles.Single();
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await fx.ResolveAsync(ByTitle());
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(file));
        Assert.StartsWith("// <auto-generated>", File.ReadAllText(file));
        Assert.Contains("#nullable enable", File.ReadAllText(file));
    }

    [Fact]
    public async Task Parse_errors_are_reported_with_location_and_other_items_still_resolve()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("Bad.mprompt", "---\nmodle: x\n---\n# Bad\n\nx\n");
        var result = await fx.ResolveAsync(ByTitle());
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterUnknownKey, d.Code);
        Assert.Equal(2, d.Line);
        Assert.Single(result.GeneratedFiles);
    }
}
