using System.Reflection;
using System.Runtime.Loader;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>
/// Issue #15: when nothing changed, the resolution loads no prompt parser (YamlDotNet, Markdig). The resolution runs in
/// a fresh <see cref="AssemblyLoadContext"/> holding its own copy of this test assembly and MicroPrompt.Core, so what
/// the rest of the test run loaded does not count.
/// </summary>
public sealed class ParserLoadTests
{
    private const string Alpha = "# Alpha\n\nReturn one.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string Beta = "---\nuses: [A.mprompt]\nkind: library\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";

    [Fact]
    public async Task An_all_resolved_build_loads_no_yaml_or_markdown_parser_and_a_changed_prompt_does()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Alpha).Prompt("B.mprompt", Beta);
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code($"namespace {r.Namespace};\npublic static class {r.Prompt.Title} {{ }}\n"));
        Assert.False((await fx.ResolveAsync(generator)).HasErrors);

        var unchanged = InFreshContext(fx.Root);
        Assert.Equal("resolved=2 unparsed=2 errors=0", unchanged[0]);
        Assert.Contains("MicroPrompt.Core", unchanged);
        Assert.DoesNotContain("YamlDotNet", unchanged);
        Assert.DoesNotContain("Markdig", unchanged);

        fx.Prompt("B.mprompt", Beta.Replace("+ 1.", "+ 1.  ", StringComparison.Ordinal)); // same key, other text: parsed
        var changed = InFreshContext(fx.Root);
        Assert.Equal("resolved=2 unparsed=1 errors=0", changed[0]);
        Assert.Contains("YamlDotNet", changed);
        Assert.Contains("Markdig", changed);
    }

    private static string[] InFreshContext(string root)
    {
        var context = new IsolatedContext(Path.GetDirectoryName(typeof(ParserLoadTests).Assembly.Location)!);
        try
        {
            var probe = context.LoadFromAssemblyPath(typeof(ParserLoadTests).Assembly.Location).GetType(typeof(ResolutionProbe).FullName!)!;
            Assert.NotSame(typeof(ResolutionProbe), probe);
            return (string[])probe.GetMethod(nameof(ResolutionProbe.ResolveLocked))!.Invoke(null, [root, new[] { "A.mprompt", "B.mprompt" }])!;
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class IsolatedContext(string directory) : AssemblyLoadContext("mp-parser-load-test", isCollectible: true)
    {
        // The test's own assemblies come from its folder (a copy per context); the framework is shared.
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}

/// <summary>Runs inside the fresh load context: a locked resolution of the fixture at <c>root</c>; returns a summary line, then its context's assembly names.</summary>
public static class ResolutionProbe
{
    public static string[] ResolveLocked(string root, string[] itemPaths)
    {
        var options = new ResolutionOptions
        {
            Project = new ProjectContext { ProjectDirectory = root, RootNamespace = "App", TargetFramework = "net10.0", Nullable = "enable", ImplicitUsings = true },
            StoreDirectory = Path.Combine(root, ".microprompt"),
            UserCacheDirectory = Path.Combine(root, "user-cache"),
            OutputDirectory = Path.Combine(root, "obj", "probe"),
            DefaultModel = "m1",
            Locked = true,
        };
        var items = itemPaths.Select(p => new ResolutionItem { FullPath = Path.Combine(root, p), ItemPath = p }).ToList();
        var result = new PromptResolver(options, () => throw new InvalidOperationException("no generation")).ResolveAsync(items, CancellationToken.None).GetAwaiter().GetResult();
        var summary = $"resolved={result.Items.Count(i => i.Status == ItemStatus.Resolved)} unparsed={result.Unparsed.Count} errors={result.Diagnostics.Count}";
        var loaded = AssemblyLoadContext.GetLoadContext(typeof(ResolutionProbe).Assembly)!.Assemblies.Select(a => a.GetName().Name ?? "");
        return [summary, .. loaded.Order(StringComparer.Ordinal)];
    }
}
