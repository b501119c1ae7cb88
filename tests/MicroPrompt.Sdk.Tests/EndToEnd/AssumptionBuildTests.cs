using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// Assumptions, recorded: an unlocked build whose scripted reply states assumptions after the code writes them to the
/// lock and the report, never into the code, and <c>dotnet mprompt status --verbose</c> / <c>--json</c> shows them.
/// </summary>
public sealed class AssumptionBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string First = "Only ASCII letters and digits are kept; accented letters are dropped, not transliterated.";
    private const string Second = "An input without letters or digits gives an empty slug.";

    [Fact]
    public async Task An_unlocked_build_writes_the_replys_assumptions_to_the_lock_and_the_report_and_status_shows_them()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var slugReply = "Here is the code:\n\n```csharp\n" + QuickProject.SlugCode.Trim() + "\n```\n\n"
            + $"```assumptions\n- {First}\n- {Second}\n```\n";
        server.Responder = new ModelScript()
            .Replies("Slugify", ScriptedReply.Completion(slugReply, promptTokens: 100, completionTokens: 80))
            .Reply("Greeting", QuickProject.GreetingCode) // no assumptions: fine
            .Respond;
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "-p:MicroPromptLocked=false");
        Assert.True(build.Succeeded, build.ToString());

        // The lock: on the item's line, as an array; absent for the item without any; never in the code.
        var lockText = project.ReadFile(".microprompt/lock.json");
        using (var lockJson = JsonDocument.Parse(lockText))
        {
            var items = lockJson.RootElement.GetProperty("items");
            Assert.Equal(2, lockJson.RootElement.GetProperty("version").GetInt32());
            Assert.Equal([First, Second], items.GetProperty("Text/Slug.mprompt").GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
            Assert.False(items.GetProperty("Greeting.mprompt").TryGetProperty("assumptions", out _));
        }

        Assert.Single(lockText.Split('\n'), l => l.Contains("Text/Slug.mprompt", StringComparison.Ordinal) && l.Contains(First, StringComparison.Ordinal));
        Assert.DoesNotContain("accented letters", project.ReadFile(".microprompt/code/Text/Slug.cs"));
        Assert.DoesNotContain("accented letters", File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Text", "Slug.g.cs")));

        // The report: report.json items (schema 1.4) and report.html's item details.
        var reportDir = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt");
        var reportJson = File.ReadAllText(Path.Combine(reportDir, "report.json"));
        ReportAndGateTests.AssertMatchesSchema(reportJson);
        using (var report = JsonDocument.Parse(reportJson))
        {
            Assert.Equal("1.4", report.RootElement.GetProperty("schemaVersion").GetString());
            var byPath = report.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("path").GetString()!, i => i.Clone());
            Assert.Equal([First, Second], byPath["Text/Slug.mprompt"].GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
            Assert.Empty(byPath["Greeting.mprompt"].GetProperty("assumptions").EnumerateArray());
        }

        Assert.Contains("<li>" + System.Net.WebUtility.HtmlEncode(First) + "</li>", File.ReadAllText(Path.Combine(reportDir, "report.html")));

        // The tool: status --verbose lists them under the table; --json carries them (docs/tool.schema.json).
        var tool = await ToolInstallation.InstallAsync(sdk);
        var verbose = await ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), "status", "--verbose");
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains($"Assumptions of Text/Slug.mprompt:\n  - {First}\n  - {Second}\n", verbose.Stdout.Replace("\r\n", "\n"));
        Assert.DoesNotContain("Assumptions of Greeting.mprompt", verbose.Stdout);
        var plain = await ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), "status");
        Assert.DoesNotContain(First, plain.Stdout); // only with --verbose

        var json = await ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), "status", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        ToolTests.AssertMatchesSchema(json.Stdout);
        using var status = JsonDocument.Parse(json.Stdout);
        var statusItems = status.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("path").GetString()!, i => i.Clone());
        Assert.Equal([First, Second], statusItems["Text/Slug.mprompt"].GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(statusItems["Greeting.mprompt"].GetProperty("assumptions").EnumerateArray());
    }
}
