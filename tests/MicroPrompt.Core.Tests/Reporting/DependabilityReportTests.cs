using System.Text.Json;
using System.Text.RegularExpressions;
using MicroPrompt.Dependability;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Reporting;

public sealed class DependabilityReportTests
{
    private const string Secret = "sk-live-SECRET-123456";

    private static DependabilityResult Result() => new()
    {
        Settings = new DependabilitySettings { Samples = 5, Mutants = true },
        NewSamples = 7,
        CachedSamples = 3,
        Diagnostics = [],
        Items = DependabilityCheck.LeastDependableFirst(
        [
            new DependabilityItem
            {
                Path = "Greeting.mprompt", Model = "m1", Samples = 5, Correct = 5, LowerBound = 0.5655, PassAt = [1.0, 1.0], CostUsd = 0.01m, CostPerCorrect = 0.002m,
            },
            new DependabilityItem
            {
                Path = "Text/Slug.mprompt", Model = "m2", Samples = 5, Correct = 4, LowerBound = 0.3755, PassAt = [0.4, 0.8], CostUsd = null, CostPerCorrect = null,
                Ambiguities = [new Ambiguity("Slug.Make(\"a_b\")", [new AmbiguityOutcome("\"a_b\"", [1, 2]), new AmbiguityOutcome("\"ab\"", [3, 4])], "Slug.Make(\"a_b\") == \"a_b\"")],
                Assumptions = ["<b>'_'</b> is kept"],
                ExampleStrength = new ExampleStrength(0.5, 4, 2, [new SurvivingMutant(3, "a <= b", "a < b", "`<=` became `<`", "Slug.Make(\"\") == \"\"")]),
                Failures = [$"sample 5: MP2007 example failed with key {Secret}"],
            },
        ]),
    };

    private static BuildReport Report(double? minimum) => BuildReportBuilder.Build(
        new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] },
        new ReportContext
        {
            ProjectDirectory = "/p", ProjectName = "App", GeneratorVersion = "1.0.0", Secrets = [Secret],
            Dependability = ReportDependability.From(Result(), minimum),
        });

    [Fact]
    public void The_dependability_section_matches_the_schema_with_every_field_named_by_the_issue()
    {
        var json = ReportWriter.ToJson(Report(0.5));

        ReportSchema.AssertValid(json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("1.4", document.RootElement.GetProperty("schemaVersion").GetString());
        var section = document.RootElement.GetProperty("dependability");
        Assert.Equal((5, 0.7, true, 0.5), (section.GetProperty("samples").GetInt32(), section.GetProperty("temperature").GetDouble(), section.GetProperty("mutants").GetBoolean(), section.GetProperty("minDependability").GetDouble()));
        Assert.Equal(["Text/Slug.mprompt"], section.GetProperty("belowMinimum").EnumerateArray().Select(e => e.GetString()));
        var items = section.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Text/Slug.mprompt", "Greeting.mprompt"], items.Select(i => i.GetProperty("path").GetString())); // least dependable first
        var slug = items[0];
        Assert.Equal((5, 4, 0.3755), (slug.GetProperty("samples").GetInt32(), slug.GetProperty("correct").GetInt32(), slug.GetProperty("lowerBound").GetDouble()));
        Assert.Equal([0.4, 0.8], slug.GetProperty("passAt").EnumerateArray().Select(p => p.GetDouble()));
        var ambiguity = slug.GetProperty("ambiguities")[0];
        Assert.Equal("Slug.Make(\"a_b\")", ambiguity.GetProperty("input").GetString());
        Assert.Equal("Slug.Make(\"a_b\") == \"a_b\"", ambiguity.GetProperty("suggestedExample").GetString());
        var outcome = ambiguity.GetProperty("outcomes")[1];
        Assert.Equal(("\"ab\"", 2, "3,4"), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("count").GetInt32(), string.Join(",", outcome.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()))));
        Assert.Equal(JsonValueKind.Null, slug.GetProperty("costPerCorrect").ValueKind);
        Assert.Equal(0.002m, items[1].GetProperty("costPerCorrect").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("exampleStrength").ValueKind);
        var strength = slug.GetProperty("exampleStrength");
        Assert.Equal((0.5, 4, 2), (strength.GetProperty("score").GetDouble(), strength.GetProperty("mutants").GetInt32(), strength.GetProperty("killed").GetInt32()));
        var survivor = strength.GetProperty("survivors")[0];
        Assert.Equal((3, "a <= b", "a < b"), (survivor.GetProperty("line").GetInt32(), survivor.GetProperty("original").GetString(), survivor.GetProperty("mutated").GetString()));
        Assert.Equal(["<b>'_'</b> is kept"], slug.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(Secret, json);                                            // failure lines are redacted like the rest

        // No check: the section is null, and a 1.3 reader's view of the report is unchanged.
        var none = ReportWriter.ToJson(BuildReportBuilder.Build(new ResolutionResult { Items = [], Diagnostics = [], GeneratedFiles = [] }, new ReportContext { ProjectDirectory = "/p", ProjectName = "App", GeneratorVersion = "1.0.0" }));
        ReportSchema.AssertValid(none);
        using var noneDocument = JsonDocument.Parse(none);
        Assert.Equal(JsonValueKind.Null, noneDocument.RootElement.GetProperty("dependability").ValueKind);
    }

    [Fact]
    public void The_html_has_a_dependability_table_least_dependable_first_and_lists_ambiguities_and_survivors_encoded()
    {
        var html = ReportHtml.Render(Report(0.5));

        var rows = Regex.Matches(html, "<tr class=\"dependability-item( below)?\" data-path=\"([^\"]*)\"");
        Assert.Equal(["Text/Slug.mprompt", "Greeting.mprompt"], rows.Select(r => r.Groups[2].Value));
        Assert.Equal(" below", rows[0].Groups[1].Value);
        Assert.Contains("<table id=\"dependability\">", html);
        Assert.Contains("<li class=\"ambiguity\"><code>Slug.Make(&quot;a_b&quot;)</code>: 2 sample(s) &quot;a_b&quot;, 2 sample(s) &quot;ab&quot;<br>pin it with: <code>Slug.Make(&quot;a_b&quot;) == &quot;a_b&quot;</code></li>", html);
        Assert.Contains("<li class=\"survivor\">line 3: <code>a &lt;= b</code> → <code>a &lt; b</code>", html);
        Assert.Contains("&lt;b&gt;&#39;_&#39;&lt;/b&gt; is kept", html);
        Assert.DoesNotContain("<b>'_'</b>", html);
    }

    [Fact]
    public void The_console_prints_the_least_dependable_items_first()
    {
        var lines = ConsoleSummary.Lines(Report(0.5));

        var header = lines.Single(l => l.StartsWith("MicroPrompt dependability:", StringComparison.Ordinal));
        Assert.Equal("MicroPrompt dependability: 2 item(s) × 5 sample(s) at temperature 0.7: 7 new sample(s), 3 cached; minimum 0.5, 1 below.", header);
        var index = lines.ToList().IndexOf(header);
        Assert.Equal("  Text/Slug.mprompt: 4/5 correct, lower bound 0.376, p@1..p@2 0.40/0.80, unknown per correct, 1 ambiguity, example strength 0.50 (2/4 mutants killed)", lines[index + 1]);
        Assert.Equal("  Greeting.mprompt: 5/5 correct, lower bound 0.566, p@1..p@2 1.00/1.00, $0.002 per correct, 0 ambiguities", lines[index + 2]);
    }
}
