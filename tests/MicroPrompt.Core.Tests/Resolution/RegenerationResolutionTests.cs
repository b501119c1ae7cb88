using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>How the resolver regenerates an item that already has resolved code: edit, revert, fresh, re-verify, keep.</summary>
public sealed class RegenerationResolutionTests
{
    private const string A = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string AEdited = "# Alpha\n\nReturn 1, computed as 2 - 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string B = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    private static string AlphaCode(string ns, string body = "1") => $"namespace {ns};\npublic static class Alpha {{ public static int One() => {body}; }}\n";

    private static FakeItemGenerator Generator(string alphaBody = "1") => new(r => FakeItemGenerator.Code(
        r.Prompt.Title == "Alpha"
            ? AlphaCode(r.Namespace, alphaBody)
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 1; }}\n") with { Edited = r.Previous is { Edit: true } });

    [Fact]
    public async Task A_changed_prompt_is_regenerated_as_an_edit_of_the_previous_code_and_the_lock_records_its_base()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(Generator());
        var firstEntry = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        Assert.Equal("generated", firstEntry.Origin);
        Assert.Null(firstEntry.Base);

        fx.Prompt("A.mprompt", AEdited);
        var editing = Generator("2 - 1");
        var result = await fx.ResolveAsync(editing);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var request = Assert.Single(editing.Requests);
        Assert.NotNull(request.Previous);
        Assert.True(request.Previous!.Edit);
        Assert.Equal(AlphaCode("App"), request.Previous.Code);
        Assert.Equal(firstEntry.CodeHash, request.Previous.CodeHash);
        Assert.Contains("-Return 1.", request.Previous.PromptDiff);
        Assert.Contains("+Return 1, computed as 2 - 1.", request.Previous.PromptDiff);
        Assert.Equal(AlphaCode("App"), request.CallerBaseline); // callers are judged against the previous code

        var entry = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        Assert.Equal("edited", entry.Origin);
        Assert.Equal(firstEntry.CodeHash, entry.Base);
        Assert.Equal("code/A.cs", entry.CodeFile);
        Assert.Equal(ContentHash.Sha256Hex(AlphaCode("App", "2 - 1")), entry.CodeHash);
        Assert.Equal(result.Items[0].Key, entry.Key);

        // Unchanged since the edit: resolved from the lock, no generator at all.
        var created = false;
        var again = await new PromptResolver(fx.Options(), () => { created = true; return Generator(); }).ResolveAsync(fx.Items, default);
        Assert.False(created);
        Assert.Equal(ItemStatus.Resolved, again.Items[0].Status);
    }

    [Fact]
    public async Task Reverting_the_prompt_and_redoing_the_edit_cost_nothing()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(Generator());
        var original = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        fx.Prompt("A.mprompt", AEdited);
        await fx.ResolveAsync(Generator("2 - 1"));
        var edit = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];

        fx.Prompt("A.mprompt", A);
        var none = new FakeItemGenerator(_ => throw new InvalidOperationException("no model call expected"));
        var reverted = await fx.ResolveAsync(none);
        Assert.Empty(none.Requests);
        Assert.Equal(ItemStatus.Cached, reverted.Items[0].Status);
        var back = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        Assert.Equal(original.Key, back.Key);
        Assert.Equal(original.CodeHash, back.CodeHash);

        fx.Prompt("A.mprompt", AEdited);
        var redone = await fx.ResolveAsync(none);
        Assert.Empty(none.Requests);
        Assert.Equal(edit.CodeHash, new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"].CodeHash);
        Assert.Equal(ItemStatus.Cached, redone.Items[0].Status);
    }

    [Fact]
    public async Task Fresh_mode_regenerates_from_scratch_but_still_compares_with_the_previous_code()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", AEdited);
        var fresh = Generator("2 - 1");

        await fx.ResolveAsync(fresh, fx.Options(regeneration: RegenerationMode.Fresh));

        var request = Assert.Single(fresh.Requests);
        Assert.False(request.Previous!.Edit);
        var entry = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        Assert.Null(entry.Base); // a generation from scratch keeps the plain key
        Assert.Equal("generated", entry.Origin);
    }

    [Fact]
    public async Task The_front_matter_and_item_metadata_choose_the_regeneration_mode()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", "---\nregeneration: fresh\n---\n" + A);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", "---\nregeneration: fresh\n---\n" + AEdited);
        var generator = Generator("2 - 1");
        await fx.ResolveAsync(generator);
        Assert.False(Assert.Single(generator.Requests).Previous!.Edit);

        fx.Items[0] = new ResolutionItem { FullPath = fx.Items[0].FullPath, ItemPath = "A.mprompt", RegenerationOverride = RegenerationMode.Edit };
        fx.Prompt("A.mprompt", "---\nregeneration: fresh\n---\n" + A);
        fx.Items[0] = new ResolutionItem { FullPath = fx.Items[0].FullPath, ItemPath = "A.mprompt", RegenerationOverride = RegenerationMode.Edit };
        var metadata = Generator("3 - 2");
        await fx.ResolveAsync(metadata, fx.Options(regeneration: RegenerationMode.Fresh));
        Assert.Empty(metadata.Requests); // the first text is in the user cache
        fx.Prompt("A.mprompt", "---\nregeneration: fresh\n---\n" + A.Replace("Return 1.", "Return one."));
        fx.Items[0] = new ResolutionItem { FullPath = fx.Items[0].FullPath, ItemPath = "A.mprompt", RegenerationOverride = RegenerationMode.Edit };
        await fx.ResolveAsync(metadata, fx.Options(regeneration: RegenerationMode.Fresh));
        Assert.True(Assert.Single(metadata.Requests).Previous!.Edit);
    }

    [Fact]
    public async Task An_item_whose_used_code_changed_is_re_verified_without_a_model_call()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(Generator());
        var betaBefore = new ResolvedStore(fx.Store).LoadLock().Items["B.mprompt"];

        fx.Prompt("A.mprompt", AEdited);
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code(AlphaCode(r.Namespace, "2 - 1")) with { Edited = true })
        {
            Verify = (request, code) => new GenerationOutcome { Status = GenerationStatus.Succeeded, Code = code, Compiles = true },
        };
        var result = await fx.ResolveAsync(generator);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["Alpha"], generator.Requests.Select(r => r.Prompt.Title)); // Beta made no model call
        var (verifyRequest, verifiedCode) = Assert.Single(generator.Verified);
        Assert.Equal("B.mprompt", verifyRequest.ItemPath);
        Assert.Contains("2 - 1", verifyRequest.Uses.Single().Code); // against the new code of what it uses
        var betaAfter = new ResolvedStore(fx.Store).LoadLock().Items["B.mprompt"];
        Assert.Equal(betaBefore.CodeHash, betaAfter.CodeHash);
        Assert.Equal(betaBefore.CodeHash, ContentHash.Sha256Hex(verifiedCode));
        Assert.NotEqual(betaBefore.Key, betaAfter.Key);
        Assert.Equal("reverified", betaAfter.Origin);
        Assert.Equal(betaBefore.Usage.InputTokens, betaAfter.Usage.InputTokens); // it keeps what it cost when generated
    }

    [Fact]
    public async Task An_item_that_fails_re_verification_is_regenerated_as_an_edit()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", AEdited);
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code(r.Prompt.Title == "Alpha"
            ? AlphaCode(r.Namespace, "2 - 1")
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 2 - 1; }}\n") with { Edited = true })
        {
            Verify = (_, _) => new GenerationOutcome { Status = GenerationStatus.Failed, FailureCode = "MP2007" },
        };

        await fx.ResolveAsync(generator);

        Assert.Equal(["Alpha", "Beta"], generator.Requests.Select(r => r.Prompt.Title));
        Assert.True(generator.Requests.Last().Previous!.Edit);
    }

    [Fact]
    public async Task A_failed_regeneration_keeps_the_previous_resolution_for_the_items_that_use_it()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(Generator());
        var lockBefore = File.ReadAllText(Path.Combine(fx.Store, "lock.json"));

        fx.Prompt("A.mprompt", AEdited);
        var failing = new FakeItemGenerator(_ => new GenerationOutcome { Status = GenerationStatus.Failed, FailureCode = "MP2041", FailureMessage = "breaks its callers", Passes = 3 });
        var result = await fx.ResolveAsync(failing);

        Assert.Equal("MP2041", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(ItemStatus.Failed, result.Items.Single(i => i.ItemPath == "A.mprompt").Status);
        Assert.Equal(ItemStatus.Resolved, result.Items.Single(i => i.ItemPath == "B.mprompt").Status); // no MP2005
        Assert.Contains("One() => 1;", File.ReadAllText(Path.Combine(fx.Output, "A.g.cs"))); // the previous code, not nothing
        Assert.Equal(lockBefore, File.ReadAllText(Path.Combine(fx.Store, "lock.json")));
        Assert.False(result.Complete);
    }
}

/// <summary>A compiled-but-wrong item reports what it was: it compiles, and its real example counts.</summary>
public sealed class FailedItemReportTests
{
    [Fact]
    public async Task A_generation_that_compiles_but_fails_its_examples_reports_compiles_true_and_its_counts()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", "# Alpha\n\nReturn 1.\n");
        var wrong = new FakeItemGenerator(_ => new GenerationOutcome
        {
            Status = GenerationStatus.Failed, FailureCode = "MP2007", FailureMessage = "compiles but fails 1 of 2 example(s)",
            Passes = 3, Compiles = true, ExamplesPassed = 1, ExamplesTotal = 2,
        });

        var result = await fx.ResolveAsync(wrong);
        var report = MicroPrompt.Reporting.BuildReportBuilder.Build(result, new MicroPrompt.Reporting.ReportContext { ProjectDirectory = fx.Root, ProjectName = "App", GeneratorVersion = "1.0.0" });

        var item = Assert.Single(report.Items);
        Assert.Equal("failed", item.Status);
        Assert.True(item.Compiles);
        Assert.Equal(1, item.ExamplesPassed);
        Assert.Equal(2, item.ExamplesTotal);
        Assert.False(item.Correct);
    }
}
