using MicroPrompt.Diagnostics;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>
/// The all-resolved path (issue #15): prompts are parsed and each dependency level is planned, looked up and written in
/// parallel — the outcome (items, files, diagnostics and their order) must not depend on how the threads interleave,
/// and no guarantee of the sequential path may be lost.
/// </summary>
public sealed class ResolvedPathTests
{
    private const int Count = 60;

    private static string Prompt(int i) =>
        $"# Function {i}\n\nReturn x plus {i}.\n\n## Contract\n```csharp\npublic static class F{i} {{ public static int Compute(int x); }}\n```\n";

    private static FakeItemGenerator Generator() => new(r => FakeItemGenerator.Code(
        $"namespace {r.Namespace};\npublic static class F{r.Prompt.Title!["Function ".Length..]} {{ public static int Compute(int x) => x; }}\n"));

    private static ResolverFixture Project()
    {
        var fx = new ResolverFixture();
        for (var i = 0; i < Count; i++)
        {
            fx.Prompt($"P/F{i:00}.mprompt", Prompt(i));
        }

        return fx;
    }

    [Fact]
    public async Task Many_resolved_items_come_back_in_item_order_with_their_files_and_phase_timings()
    {
        using var fx = Project();
        Assert.False((await fx.ResolveAsync(Generator())).HasErrors);
        Directory.Delete(Path.Combine(fx.Root, "obj"), recursive: true);

        var result = await fx.ResolveAsync(Generator(), fx.Options(locked: true));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(fx.Items.Select(i => i.ItemPath), result.Items.Select(i => i.ItemPath));
        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Resolved, i.Status));
        Assert.Equal(Count, result.GeneratedFiles.Distinct().Count());
        Assert.All(result.GeneratedFiles, f => Assert.True(File.Exists(f), f));
        Assert.Equal(Enumerable.Range(0, Count).Select(i => Path.Combine(fx.Output, "P", $"F{i:00}.g.cs")), result.GeneratedFiles);
        var phases = result.Timings.Milliseconds().Select(p => p.Key).ToList();
        Assert.Equal(["lock read", "parse", "graph", "plan", "lookup", "record and write", "levels (wall)", "finish"], phases);
        Assert.Contains("parse ", result.Timings.ToString());
    }

    [Fact]
    public async Task A_clean_build_links_its_files_from_the_user_cache_and_they_are_the_bytes_of_a_written_build()
    {
        using var fx = Project();
        await fx.ResolveAsync(Generator()); // writes each .g.cs and keeps a copy in the user cache
        Directory.Delete(Path.Combine(fx.Root, "obj"), recursive: true);
        var written = await fx.ResolveAsync(Generator(), fx.Options(locked: true) with { LinkGeneratedFiles = false });
        var bytes = written.GeneratedFiles.ToDictionary(f => f, File.ReadAllBytes);
        var cached = Directory.GetFiles(Path.Combine(fx.UserCache, "generated"));
        Assert.Equal(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Count : 0, cached.Length);

        Directory.Delete(Path.Combine(fx.Root, "obj"), recursive: true);
        var linked = await fx.ResolveAsync(Generator(), fx.Options(locked: true));
        Assert.False(linked.HasErrors, string.Join("\n", linked.Diagnostics));
        Assert.Equal(written.GeneratedFiles, linked.GeneratedFiles);
        Assert.All(linked.GeneratedFiles, f => Assert.Equal(bytes[f], File.ReadAllBytes(f)));
        Assert.Equal(written.GeneratedTexts.OrderBy(p => p.Key), linked.GeneratedTexts.OrderBy(p => p.Key));
        Assert.Equal(cached, Directory.GetFiles(Path.Combine(fx.UserCache, "generated"))); // nothing added: every file was linked
    }

    [Fact]
    public async Task Hand_edited_code_files_are_each_reported_in_item_order_and_never_written()
    {
        using var fx = Project();
        await fx.ResolveAsync(Generator());
        int[] tampered = [3, 17, 41, 58];
        foreach (var i in tampered)
        {
            File.AppendAllText(Path.Combine(fx.Store, "code", "P", $"F{i:00}.cs"), "// edited by hand\n");
        }

        for (var attempt = 0; attempt < 3; attempt++) // the interleaving differs from run to run; the outcome must not
        {
            Directory.Delete(Path.Combine(fx.Root, "obj"), recursive: true);
            var result = await fx.ResolveAsync(Generator(), fx.Options(locked: true));
            var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ResolvedCodeTampered).ToList();
            Assert.Equal(tampered.Select(i => $"F{i:00}.cs"), errors.Select(d => Path.GetFileName(d.File)));
            Assert.All(errors, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
            Assert.Equal(Count - tampered.Length, result.GeneratedFiles.Count);
            Assert.All(tampered, i => Assert.False(File.Exists(Path.Combine(fx.Output, "P", $"F{i:00}.g.cs"))));
        }
    }

    [Fact]
    public async Task A_changed_prompt_among_many_is_noticed_and_only_it_is_generated()
    {
        using var fx = Project();
        await fx.ResolveAsync(Generator());
        fx.Prompt("P/F29.mprompt", Prompt(29).Replace("Return x plus 29.", "Return x plus 29, checked.", StringComparison.Ordinal));

        var locked = await fx.ResolveAsync(Generator(), fx.Options(locked: true));
        Assert.Equal(["P/F29.mprompt"], locked.Diagnostics.Where(d => d.Code == DiagnosticCodes.LockedMissingResolution).Select(d => Path.GetRelativePath(fx.Root, d.File!).Replace('\\', '/')));

        var generator = Generator();
        var unlocked = await fx.ResolveAsync(generator);
        Assert.False(unlocked.HasErrors, string.Join("\n", unlocked.Diagnostics));
        Assert.Equal(["Function 29"], generator.Requests.Select(r => r.Prompt.Title));
    }
}
