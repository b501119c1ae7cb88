using MicroPrompt.Core.Tests.Reporting;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Core.Tests.Diagnostics;

/// <summary>
/// Messages are built by the per-area factories in <c>Diagnostics/Messages</c>, so a code and its text live together
/// and shared advice is written once.
/// </summary>
public sealed class DiagnosticMessageTests
{
    /// <summary>
    /// Areas whose messages move into their own factories on other branches (the settings catalog and the provider
    /// parser: <c>SettingsMessages</c>, <c>ProviderMessages</c>). Remove an entry once its messages have moved.
    /// </summary>
    private static readonly string[] NotYetConverted = [];

    [Fact]
    public void The_engine_writes_no_message_text_outside_the_message_factories()
    {
        var core = Path.Combine(ReportSchema.RepoRoot(), "src", "MicroPrompt.Core");
        var inPlace = SourceScan.Files(core)
            .Select(f => (File: f, Relative: Path.GetRelativePath(core, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith("Diagnostics/", StringComparison.Ordinal))
            .Where(f => !NotYetConverted.Any(prefix => f.Relative.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(f => SourceScan.MessagesWrittenInPlace(f.File, f.Relative))
            .ToList();
        Assert.True(inPlace.Count == 0,
            "Diagnostic text written in place; add a method to the area's factory in Diagnostics/Messages instead: " + string.Join(", ", inPlace));
    }

    [Theory]
    [InlineData("MicroPrompt.Tasks")]
    [InlineData("MicroPrompt.Tool")]
    public void The_thin_adapters_write_no_message_text_either(string project)
    {
        var root = Path.Combine(ReportSchema.RepoRoot(), "src", project);
        var inPlace = SourceScan.Files(root)
            .SelectMany(f => SourceScan.MessagesWrittenInPlace(f, Path.GetRelativePath(root, f).Replace('\\', '/')))
            .ToList();
        Assert.True(inPlace.Count == 0,
            $"Diagnostic text written in place in {project}; add a method to a factory in Core's Diagnostics/Messages instead: " + string.Join(", ", inPlace));
    }

    [Fact]
    public void The_task_messages_keep_their_codes_and_say_what_happened()
    {
        var cancelled = TaskMessages.Cancelled();
        Assert.Equal((DiagnosticCodes.Cancelled, DiagnosticSeverity.Error), (cancelled.Code, cancelled.Severity));
        var report = TaskMessages.ReportWriteFailed("obj/microprompt", "disk full");
        Assert.Equal((DiagnosticCodes.ReportWriteFailed, DiagnosticSeverity.Warning), (report.Code, report.Severity));
        Assert.Contains("'obj/microprompt': disk full", report.Message, StringComparison.Ordinal);
        var unexpected = TaskMessages.Unexpected(new InvalidOperationException("boom"));
        Assert.Equal((DiagnosticCodes.InternalError, DiagnosticSeverity.Error), (unexpected.Code, unexpected.Severity));
        Assert.Contains("InvalidOperationException: boom", unexpected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scan_finds_a_message_written_in_place()
    {
        // The guard above must be able to fail: each shape it looks for, in a file of its own.
        var file = Path.Combine(Path.GetTempPath(), $"mp-scan-{Guid.NewGuid():N}.cs");
        File.WriteAllText(file, """
            class C
            {
                object A(string x) => MicroPromptDiagnostic.Error(DiagnosticCodes.NoModel, $"No model for {x}.");
                object B() => new MicroPromptDiagnostic(DiagnosticCodes.NoModel, DiagnosticSeverity.Error, "text");
                (string, string) D() => (DiagnosticCodes.BudgetExceeded, "spent");
                object E() => new GenerationOutcome { FailureCode = DiagnosticCodes.Refused, FailureMessage = "refused" };
                object F() => MicroPromptDiagnostic.Error(DiagnosticCodes.NoModel, GenerationMessages.CouldNotGenerate("x"));
            }
            """);
        try
        {
            Assert.Equal(["c.cs(3)", "c.cs(4)", "c.cs(5)", "c.cs(6)"], SourceScan.MessagesWrittenInPlace(file, "c.cs"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_scan_of_code_uses_ignores_comments_and_the_declaration()
    {
        var root = Directory.CreateTempSubdirectory("mp-uses-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "D"));
            File.WriteAllText(Path.Combine(root, "D", "DiagnosticCodes.cs"), "static class DiagnosticCodes { const string A = \"MP0001\"; static bool F(string c) => c == DiagnosticCodes.A; }");
            File.WriteAllText(Path.Combine(root, "Use.cs"), """
                /// <see cref="DiagnosticCodes.B"/>
                class U { string C = Diagnostics.DiagnosticCodes.C; // DiagnosticCodes.D
                }
                """);
            Assert.Equal(["C"], SourceScan.DiagnosticCodeUses(root, Path.Combine("D", "DiagnosticCodes.cs")).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_factory_diagnostic_carries_its_code_and_severity()
    {
        Assert.Equal((DiagnosticCodes.UsesCycle, DiagnosticSeverity.Error), Shape(FrontMatterMessages.UsesCycle(["A", "B", "A"], "a.mprompt", 2, 3)));
        Assert.Equal((DiagnosticCodes.ExamplesMalformed, DiagnosticSeverity.Warning), Shape(PromptBodyMessages.NoExample()));
        Assert.Equal((DiagnosticCodes.SharedCacheMisconfigured, DiagnosticSeverity.Warning), Shape(SharedCacheMessages.NoEndpoint()));
        Assert.Equal((DiagnosticCodes.TelemetryEndpointInvalid, DiagnosticSeverity.Error), Shape(TelemetryMessages.EndpointInvalid("x", "MicroPromptOtlpEndpoint", true)));
        Assert.Equal((DiagnosticCodes.TelemetryEndpointInvalid, DiagnosticSeverity.Warning), Shape(TelemetryMessages.EndpointInvalid("x", "OTEL_EXPORTER_OTLP_ENDPOINT", false)));
        Assert.Equal(DiagnosticCodes.BudgetUnenforceable, BudgetMessages.Unenforceable("m").Code);

        var cycle = FrontMatterMessages.UsesCycle(["A", "B", "A"], "a.mprompt", 2, 3);
        Assert.Equal(("a.mprompt", 2, 3), (cycle.File, cycle.Line, cycle.Column));
        Assert.Contains("A -> B -> A", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_no_model_messages_give_the_same_advice()
    {
        // MP1001 had two texts ("Set MicroPromptModel …" and "Set the MicroPromptModel property …"): now one sentence.
        var forItem = GenerationMessages.NoModelForItem("Text/Slug.mprompt", "/p/Text/Slug.mprompt");
        var forCall = ModelServiceMessages.NoModel();
        Assert.Equal(DiagnosticCodes.NoModel, forItem.Code);
        Assert.Equal(DiagnosticCodes.NoModel, forCall.Code);
        Assert.EndsWith(Advice.SetModel, forItem.Message, StringComparison.Ordinal);
        Assert.EndsWith(Advice.SetModel, forCall.Message, StringComparison.Ordinal);
        Assert.Contains("'Text/Slug.mprompt'", forItem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_locked_build_advice_is_the_same_for_items_and_comparison_runs()
    {
        var item = GenerationMessages.LockedMissingResolution("A.mprompt", "m", "k", inUserCache: false, "/p/A.mprompt");
        var runs = ComparisonMessages.RunsNotCached(1, 2, ("A.mprompt", "m", "exec", 1), "/p/A.mprompt");
        var notAllowed = Advice.ModelCallsNotAllowed();
        Assert.StartsWith("model calls are not allowed (MicroPromptLocked=true", notAllowed, StringComparison.Ordinal);
        Assert.Contains(notAllowed, item.Message, StringComparison.Ordinal);
        Assert.Contains(notAllowed, runs.Message, StringComparison.Ordinal);
        Assert.Contains(Advice.Unlock, item.Message, StringComparison.Ordinal);
        Assert.Contains(Advice.Unlock, runs.Message, StringComparison.Ordinal);
    }

    private static (string Code, DiagnosticSeverity Severity) Shape(MicroPromptDiagnostic d) => (d.Code, d.Severity);
}
