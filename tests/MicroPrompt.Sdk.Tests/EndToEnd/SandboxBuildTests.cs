using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>MicroPromptSandbox in real builds: the report says which sandbox graded each item; auto without bubblewrap warns once.</summary>
public sealed class SandboxBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    private const string DoublerPrompt = """
        # Doubler

        `Doubler.Of(n)` returns twice `n`.

        ## Examples
        ```csharp
        Doubler.Of(2) == 4
        Doubler.Of(-3) == -6
        ```
        """;

    private const string DoublerCode = """
        namespace App;

        public static class Doubler
        {
            public static int Of(int n) => n * 2;
        }
        """;

    [Fact]
    public async Task Auto_without_bubblewrap_warns_MP2050_once_still_grades_and_the_report_says_process()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Reply("Doubler", DoublerCode).Respond;
        using var project = QuickProject.Create(sdk).WriteFile("Doubler.mprompt", DoublerPrompt);
        project.Environment["MICROPROMPT_BWRAP"] = Path.Combine(project.Directory, "no-bwrap-here"); // a machine without the jail

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);

        Assert.True(build.Succeeded, build.ToString());
        // Two items ran examples, one warning (MSBuild repeats each warning in its closing list: count the warnings it counted).
        Assert.Contains("warning MP2050", build.Output);
        Assert.Matches(@"\b1 Warning\(s\)", build.Output);
        Assert.Contains("not in a jail", build.Output);
        var json = ReadReport(project);
        ReportAndGateTests.AssertMatchesSchema(json);
        var sandboxes = Sandboxes(json);
        Assert.Equal("process", sandboxes["Doubler.mprompt"]);
        Assert.Equal("process", sandboxes["Text/Slug.mprompt"]);
        Assert.Null(sandboxes["Greeting.mprompt"]); // no examples: nothing ran
    }

    [Fact]
    public async Task A_jailed_build_reports_jail_a_required_jail_without_bubblewrap_is_MP2051_and_a_bad_value_is_MP1005()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the jail exists on Linux only
        }

        await using var server = await ScriptedModelServer.StartAsync();
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);
        using var project = new TestProject(sdk).WithProject(outputType: "Library").WriteFile("Doubler.mprompt", DoublerPrompt);

        var bad = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptSandbox=chroot");
        Assert.False(bad.Succeeded);
        Assert.Contains("error MP1005", bad.Output);
        Assert.Contains("MicroPromptSandbox", bad.Output);
        Assert.Empty(server.ChatRequests);

        server.Responder = new ModelScript().Reply("Doubler", DoublerCode).Respond;
        project.Environment["MICROPROMPT_BWRAP"] = Path.Combine(project.Directory, "no-bwrap-here");
        var required = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptSandbox=jail");
        Assert.False(required.Succeeded);
        Assert.Contains("error MP2051", required.Output);
        Assert.Contains("apt-get install bubblewrap", required.Output);

        project.Environment.Remove("MICROPROMPT_BWRAP"); // CI installs bubblewrap
        server.Reset();
        server.Responder = new ModelScript().Reply("Doubler", DoublerCode).Respond;
        var jailed = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptSandbox=jail");
        Assert.True(jailed.Succeeded, jailed.ToString());
        Assert.DoesNotContain("MP2050", jailed.Output);
        Assert.Equal("jail", Sandboxes(ReadReport(project))["Doubler.mprompt"]);
        Assert.Contains("<td class=\"sandbox\">jail</td>", File.ReadAllText(Path.Combine(ReportDirectory(project), "report.html")));
    }

    private static string ReportDirectory(TestProject project) => Path.Combine(project.Directory, "obj", "Debug", "net10.0", "microprompt");

    private static string ReadReport(TestProject project) => File.ReadAllText(Path.Combine(ReportDirectory(project), "report.json"));

    private static Dictionary<string, string?> Sandboxes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("path").GetString()!, i => i.GetProperty("sandbox").GetString());
    }
}
