using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>
/// Issue #15: a prompt whose text is unchanged since its lock entry recorded its front matter is planned from that
/// record, without a parse. Every case checks that the outcome — statuses, keys, diagnostics with their locations,
/// the <c>.g.cs</c> files — is exactly what parsing every prompt gives, and that what must be noticed still is.
/// </summary>
public sealed class UnchangedPromptTests
{
    private const string Alpha = "# Alpha\n\nReturn one.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string Beta = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    private static FakeItemGenerator Generator() => new(r => FakeItemGenerator.Code(
        $"namespace {r.Namespace};\n// {r.Model}: {r.Prompt.Instructions.Trim().Replace('\n', ' ')}\npublic static class {r.Prompt.Title!.Replace(" ", "", StringComparison.Ordinal)} {{ }}\n"));

    private static ResolutionOptions Locked(ResolverFixture fx, string? model = "m1") => fx.Options(locked: true, model: model);

    /// <summary>
    /// Resolves with and without the reuse (each from an empty obj) and asserts both outcomes are the same; returns the
    /// one with the reuse.
    /// </summary>
    private static async Task<ResolutionResult> SameAsParsing(ResolverFixture fx, ResolutionOptions options)
    {
        var parsed = await Run(fx, options with { ReuseUnchangedPrompts = false });
        Assert.Empty(parsed.Result.Unparsed);
        var reused = await Run(fx, options);
        Assert.Equal(parsed.Items, reused.Items);
        Assert.Equal(parsed.Diagnostics, reused.Diagnostics);
        Assert.Equal(parsed.Files, reused.Files);
        return reused.Result;
    }

    private static async Task<(ResolutionResult Result, List<string> Items, List<string> Diagnostics, List<string> Files)> Run(ResolverFixture fx, ResolutionOptions options)
    {
        var obj = Path.Combine(fx.Root, "obj");
        if (Directory.Exists(obj))
        {
            Directory.Delete(obj, recursive: true);
        }

        var result = await fx.ResolveAsync(Generator(), options);
        return (
            result,
            result.Items.Select(i => $"{i.ItemPath} {i.Status} {i.Model} {i.Key}").ToList(),
            result.Diagnostics.Select(d => $"{d.Severity} {d.Code} {Path.GetFileName(d.File)}({d.Line},{d.Column}) {d.Message}").Order(StringComparer.Ordinal).ToList(),
            result.GeneratedFiles.Select(f => f + "\n" + File.ReadAllText(f)).ToList());
    }

    private static LockFile Lock(ResolverFixture fx) => new ResolvedStore(fx.Store).LoadLock();

    [Fact]
    public async Task An_unchanged_project_is_planned_from_the_lock_without_a_parse_with_the_same_outcome()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        Assert.False((await fx.ResolveAsync(Generator())).HasErrors);
        var recorded = Lock(fx).Items["B.mprompt"].FrontMatter;
        Assert.NotNull(recorded);
        Assert.Equal(["A.mprompt"], recorded.Uses);
        Assert.Equal(64, recorded.TextHash.Length);

        var result = await SameAsParsing(fx, Locked(fx));
        Assert.False(result.HasErrors);
        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Resolved, i.Status));
        Assert.Equal(["A.mprompt", "B.mprompt"], result.Unparsed);
        Assert.Contains("public static class Alpha", result.Documents["A.mprompt"].Contract); // parsed when asked for
    }

    [Fact]
    public async Task A_changed_front_matter_model_is_noticed()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", "---\nmodel: m2\n---\n" + Alpha);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", "---\nmodel: m3\n---\n" + Alpha);

        var result = await SameAsParsing(fx, Locked(fx));
        Assert.Equal([DiagnosticCodes.LockedMissingResolution], result.Diagnostics.Select(d => d.Code));
        Assert.Empty(result.Unparsed);
        var generator = Generator();
        await fx.ResolveAsync(generator);
        Assert.Equal(["m3"], generator.Requests.Select(r => r.Model));
    }

    [Fact]
    public async Task A_changed_project_default_model_is_noticed_where_the_prompt_names_none()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("C.mprompt", "---\nmodel: m2\n---\n# Gamma\n\nReturn three.\n");
        await fx.ResolveAsync(Generator());

        var result = await SameAsParsing(fx, Locked(fx, model: "m9"));
        Assert.Equal(["A.mprompt"], result.Diagnostics.Where(d => d.Code == DiagnosticCodes.LockedMissingResolution).Select(d => Path.GetFileName(d.File)));
        Assert.Equal(ItemStatus.Resolved, result.Items.Single(i => i.ItemPath == "C.mprompt").Status);
        Assert.Equal(["C.mprompt"], result.Unparsed); // its own model wins: still the entry's key
    }

    [Fact]
    public async Task Removing_an_item_model_override_brings_the_front_matter_model_back_even_when_the_default_becomes_the_old_override()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", "---\nmodel: m2\n---\n" + Alpha, model: "m5");
        await fx.ResolveAsync(Generator());
        Assert.Equal("m5", Lock(fx).Items["A.mprompt"].Model);
        fx.Prompt("A.mprompt", "---\nmodel: m2\n---\n" + Alpha); // the same text, no Model metadata any more

        var result = await SameAsParsing(fx, Locked(fx, model: "m5"));
        Assert.Equal([DiagnosticCodes.LockedMissingResolution], result.Diagnostics.Select(d => d.Code));
        Assert.Contains("model 'm2'", result.Diagnostics[0].Message);
    }

    [Fact]
    public async Task A_changed_uses_dependency_is_noticed_by_its_dependent()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", Alpha.Replace("Return one.", "Return one, always.", StringComparison.Ordinal));

        var generator = Generator();
        var regenerated = await fx.ResolveAsync(generator);
        Assert.False(regenerated.HasErrors);
        Assert.Equal(["Alpha", "Beta"], generator.Requests.Select(r => r.Prompt.Title)); // A's code changed, so B's key did
        Assert.All(regenerated.Items, i => Assert.Equal(ItemStatus.Generated, i.Status));

        var unchanged = await SameAsParsing(fx, Locked(fx));
        Assert.False(unchanged.HasErrors);
        Assert.Equal(["A.mprompt", "B.mprompt"], unchanged.Unparsed.Order());

        // A dependency whose recorded code changed without its prompt (e.g. taken from another branch) is noticed too.
        var lockFile = Lock(fx);
        var code = "namespace App;\npublic static class Alpha { public static int One() => 1; }\n";
        File.WriteAllText(Path.Combine(fx.Store, "code", "A.cs"), code);
        lockFile.Items["A.mprompt"] = lockFile.Items["A.mprompt"] with { CodeHash = MicroPrompt.Hashing.ContentHash.Sha256Hex(code) };
        new ResolvedStore(fx.Store).SaveLock(lockFile);
        var result = await SameAsParsing(fx, Locked(fx));
        Assert.Equal(["B.mprompt"], result.Diagnostics.Where(d => d.Code == DiagnosticCodes.LockedMissingResolution).Select(d => Path.GetFileName(d.File)));
        Assert.Equal(["A.mprompt"], result.Unparsed);
    }

    [Fact]
    public async Task Hand_edited_resolved_code_is_still_caught_before_it_compiles()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        await fx.ResolveAsync(Generator());
        File.AppendAllText(Path.Combine(fx.Store, "code", "A.cs"), "// edited by hand\n");

        var result = await SameAsParsing(fx, Locked(fx));
        var tampered = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ResolvedCodeTampered);
        Assert.Equal(DiagnosticSeverity.Error, tampered.Severity);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DependencyFailed);
        Assert.Empty(result.GeneratedFiles);
    }

    [Fact]
    public async Task A_prompt_whose_text_changed_only_in_what_the_key_normalizes_is_parsed()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha);
        await fx.ResolveAsync(Generator());
        fx.Prompt("A.mprompt", "\n" + Alpha.Replace("Return one.", "Return one.   ", StringComparison.Ordinal)); // same prompt hash, other parser input

        var result = await SameAsParsing(fx, Locked(fx));
        Assert.False(result.HasErrors);
        Assert.Equal(ItemStatus.Resolved, result.Items[0].Status);
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public async Task A_prompt_whose_parse_warns_is_not_recorded_and_warns_on_every_build()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha + "\n## Examples\n\nNone yet.\n");
        await fx.ResolveAsync(Generator());
        Assert.Null(Lock(fx).Items["A.mprompt"].FrontMatter);

        var result = await SameAsParsing(fx, Locked(fx));
        Assert.Equal([DiagnosticCodes.ExamplesMalformed], result.Diagnostics.Select(d => d.Code));
        Assert.Empty(result.Unparsed);
    }

    [Fact]
    public async Task A_required_package_whose_version_left_the_range_is_reported_at_its_line()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", "---\nrequires: [Humanizer >= 2.0]\n---\n" + Alpha);
        var options = fx.Options();
        ResolutionOptions With(ResolutionOptions o, string version) => o with { Project = o.Project with { PackageReferences = [new PackageInfo("Humanizer", version)] } };
        Assert.False((await fx.ResolveAsync(Generator(), With(options, "2.14.1"))).HasErrors);
        Assert.Equal(["Humanizer"], Lock(fx).Items["A.mprompt"].FrontMatter!.Requires);

        Assert.Equal(["A.mprompt"], (await SameAsParsing(fx, With(Locked(fx), "2.14.1"))).Unparsed);
        var result = await SameAsParsing(fx, With(Locked(fx), "1.0.0"));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.RequiresNotReferenced, 2), (error.Code, error.Line));
        Assert.Equal(DiagnosticCodes.RequiresNotReferenced, Assert.Single((await SameAsParsing(fx, Locked(fx))).Diagnostics).Code); // not referenced at all
    }

    [Fact]
    public async Task A_removed_uses_target_is_reported_at_the_line_that_names_it()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        await fx.ResolveAsync(Generator());
        fx.Items.RemoveAll(i => i.ItemPath == "A.mprompt");

        var result = await SameAsParsing(fx, Locked(fx));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UsesNotFound, 2), (error.Code, error.Line));
    }

    [Fact]
    public async Task Regenerate_and_undeclared_capabilities_parse_the_prompt()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        await fx.ResolveAsync(Generator());
        var lockFile = Lock(fx);
        lockFile.Items["A.mprompt"] = lockFile.Items["A.mprompt"] with { Capabilities = ["network"] }; // recorded use, not declared: MP2020 at the front matter
        new ResolvedStore(fx.Store).SaveLock(lockFile);

        var result = await SameAsParsing(fx, Locked(fx));
        Assert.Equal([DiagnosticCodes.CapabilityNotDeclared], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(["B.mprompt"], result.Unparsed);

        var generator = Generator();
        var regenerated = await fx.ResolveAsync(generator, fx.Options(regenerate: ["B"]));
        Assert.Equal(["Beta"], generator.Requests.Select(r => r.Prompt.Title));
        Assert.DoesNotContain("B.mprompt", regenerated.Unparsed);
    }

    [Fact]
    public async Task Entries_without_recorded_front_matter_still_resolve_by_parsing()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        await fx.ResolveAsync(Generator());
        var lockFile = Lock(fx);
        foreach (var path in lockFile.Items.Keys.ToList())
        {
            lockFile.Items[path] = lockFile.Items[path] with { FrontMatter = null }; // a lock written before the field existed
        }

        new ResolvedStore(fx.Store).SaveLock(lockFile);
        var result = await SameAsParsing(fx, Locked(fx));
        Assert.False(result.HasErrors);
        Assert.Empty(result.Unparsed);
        Assert.DoesNotContain("frontMatter", File.ReadAllText(Path.Combine(fx.Store, "lock.json")), StringComparison.Ordinal); // hits do not rewrite it

        await fx.ResolveAsync(Generator()); // an unlocked build does not rewrite entries for the field either
        Assert.DoesNotContain("frontMatter", File.ReadAllText(Path.Combine(fx.Store, "lock.json")), StringComparison.Ordinal);
    }
}
