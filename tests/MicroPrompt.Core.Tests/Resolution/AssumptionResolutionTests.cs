using System.Text.Json;
using MicroPrompt.Core.Tests.Generation;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Status;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>A scripted reply's assumptions travel: generator → lock entry and user cache → item result → report → status.</summary>
public sealed class AssumptionResolutionTests
{
    private const string Prompt = "# Alpha\n\nReturn 1.\n";

    private const string Reply =
        "Here it is.\n\n```csharp\nnamespace App;\npublic static class Alpha { public static int One() => 1; }\n```\n\n"
        + "```assumptions\n- One means the integer 1, never a string.\n- The secret-token-1234 is not used.\n```\n";

    [Fact]
    public async Task A_scripted_replys_assumptions_land_in_the_lock_the_report_and_the_status_and_survive_a_resolved_build()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Prompt);
        var client = new FakeChatClient().Reply(Reply, inputTokens: 100, outputTokens: 50);
        var generator = new CodeGenerator(_ => client, new FakeCompileChecker().Succeeds());

        var first = await new PromptResolver(fx.Options(), () => generator).ResolveAsync(fx.Items, CancellationToken.None);

        Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics));
        var generated = Assert.Single(first.Items);
        Assert.Equal(ItemStatus.Generated, generated.Status);
        Assert.Equal(["One means the integer 1, never a string.", "The secret-token-1234 is not used."], generated.Assumptions);
        var lockText = File.ReadAllText(Path.Combine(fx.Store, "lock.json"));
        Assert.Contains("\"assumptions\": [\"One means the integer 1, never a string.\", \"The secret-token-1234 is not used.\"]", lockText);
        Assert.DoesNotContain("assumptions", File.ReadAllText(Path.Combine(fx.Store, "code", "A.cs"))); // never compiled
        var cached = Directory.EnumerateFiles(fx.UserCache, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.Contains(cached, c => c.Contains("One means the integer 1", StringComparison.Ordinal));

        var report = BuildReportBuilder.Build(first, Context(fx));
        var item = Assert.Single(report.Items);
        Assert.Equal("One means the integer 1, never a string.", item.Assumptions[0]);
        Assert.Equal("The *** is not used.", item.Assumptions[1]); // a secret is redacted wherever it appears
        Reporting.ReportSchema.AssertValid(ReportWriter.ToJson(report));
        using (var json = JsonDocument.Parse(ReportWriter.ToJson(report)))
        {
            Assert.Equal("1.4", json.RootElement.GetProperty("schemaVersion").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("items")[0].GetProperty("assumptions").GetArrayLength());
        }

        Assert.Contains("<li>One means the integer 1, never a string.</li>", ReportHtml.Render(report));

        // Resolved from the lock, without a model: the recorded assumptions are the item's.
        var second = await new PromptResolver(fx.Options(), () => throw new InvalidOperationException("no generator")).ResolveAsync(fx.Items, CancellationToken.None);
        Assert.Equal(ItemStatus.Resolved, Assert.Single(second.Items).Status);
        Assert.Equal(generated.Assumptions, second.Items[0].Assumptions);

        var status = StatusService.Compute(fx.Options(), fx.Items, reportDirectory: null);
        Assert.Equal(generated.Assumptions, Assert.Single(status.Items).Assumptions);
    }

    [Fact]
    public async Task A_reply_without_assumptions_writes_no_field()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", Prompt);
        var client = new FakeChatClient().Reply("```csharp\nnamespace App;\npublic static class Alpha { public static int One() => 1; }\n```\n");
        var generator = new CodeGenerator(_ => client, new FakeCompileChecker().Succeeds());

        var result = await new PromptResolver(fx.Options(), () => generator).ResolveAsync(fx.Items, CancellationToken.None);

        Assert.Empty(Assert.Single(result.Items).Assumptions);
        Assert.DoesNotContain("assumptions", File.ReadAllText(Path.Combine(fx.Store, "lock.json")));
        Assert.Empty(Assert.Single(BuildReportBuilder.Build(result, Context(fx)).Items).Assumptions);
    }

    [Fact]
    public async Task A_re_verified_item_keeps_its_assumptions_and_an_edit_is_shown_the_recorded_ones()
    {
        const string alpha = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
        const string beta = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";
        using var fx = new ResolverFixture().Prompt("A.mprompt", alpha).Prompt("B.mprompt", beta);
        string Code(GenerationRequest r, string one) => r.Prompt.Title == "Alpha"
            ? $"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => {one}; }}\n"
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 1; }}\n";
        await fx.ResolveAsync(new FakeItemGenerator(r => FakeItemGenerator.Code(Code(r, "1")) with { Assumptions = [r.Prompt.Title + " assumption"] }));

        fx.Prompt("A.mprompt", alpha.Replace("Return 1.", "Return 1, computed as 2 - 1.", StringComparison.Ordinal));
        var generator = new FakeItemGenerator(r => FakeItemGenerator.Code(Code(r, "2 - 1")) with { Edited = true, Assumptions = ["Alpha updated"] })
        {
            Verify = (request, code) => new GenerationOutcome { Status = GenerationStatus.Succeeded, Code = code, Compiles = true },
        };
        var result = await fx.ResolveAsync(generator);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var edit = Assert.Single(generator.Requests);
        Assert.Equal(["Alpha assumption"], edit.Previous!.Assumptions); // shown to the model, to update
        var lockFile = new MicroPrompt.Store.ResolvedStore(fx.Store).LoadLock();
        Assert.Equal(["Alpha updated"], lockFile.Items["A.mprompt"].Assumptions);
        Assert.Equal("reverified", lockFile.Items["B.mprompt"].Origin);
        Assert.Equal(["Beta assumption"], lockFile.Items["B.mprompt"].Assumptions); // same code: same assumptions
    }

    private static ReportContext Context(ResolverFixture fx) => new()
    {
        ProjectDirectory = fx.Root, ProjectName = "App", GeneratorVersion = "1.0.0", Secrets = ["secret-token-1234"],
    };
}
