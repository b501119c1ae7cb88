using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// `dotnet mprompt log/diff/adopt/absorb`, packed and installed, over a temp git repository holding three resolutions
/// of an item built through the scripted server: history newest first, diffs, a hand edit adopted and compiled by a
/// locked build, a prompt amended from a scripted reply; JSON validated against docs/tool.schema.json; exit codes.
/// </summary>
[LongRunning]
public sealed class ToolHistoryTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task Log_diff_adopt_and_absorb_over_three_committed_resolutions()
    {
        var tool = await ToolInstallation.InstallAsync(sdk);
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        project.Environment["MICROPROMPT_ENDPOINT"] = server.OpenAIEndpoint;
        project.Environment["MICROPROMPT_PROVIDER"] = "openai";
        File.WriteAllText(Path.Combine(project.Directory, ".gitignore"), "bin/\nobj/\n");
        Git(project.Directory, "init", "-q", "-b", "main");
        var wordings = new[] { "single '-'", "single '-' (a hyphen)", "single '-' (one hyphen)" };
        foreach (var wording in wordings)
        {
            project.WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt.Replace("single '-'", wording));
            server.Responder = QuickProject.CorrectScript().Respond; // each build consumes its replies
            var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "-p:MicroPromptLocked=false");
            Assert.True(build.Succeeded, build.ToString());
            Git(project.Directory, "add", "-A");
            Git(project.Directory, "commit", "-q", "-m", "Slug: " + wording);
        }

        Task<ToolRun> Tool(params string[] args) => ToolInstallation.RunAsync(tool, project.Directory, project.BuildEnvironment(), args);

        // log: three entries, newest first, each with its commit.
        var log = await Tool("log", "Text/Slug.mprompt", "--json", "--patch");
        Assert.True(log.ExitCode == 0, log.ToString());
        using (var json = Valid(log, "log"))
        {
            var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(wordings.Reverse().Select(w => "Slug: " + w), entries.Select(e => e.GetProperty("subject").GetString()));
            Assert.All(entries, e => Assert.Equal("commit", e.GetProperty("source").GetString()));
            Assert.Contains("(one hyphen)", entries[0].GetProperty("promptDiff").GetString());
        }

        var plain = await Tool("log", "Slug");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("test-model", plain.Stdout);

        // diff: nothing, then a hand edit of the other item's code (exit 1), then two log entries by index.
        Assert.Equal(0, (await Tool("diff", "Greeting.mprompt")).ExitCode);
        var codeFile = Path.Combine(project.StoreDirectory, "code", "Greeting.cs");
        File.AppendAllText(codeFile, "// fixed by hand\n");
        var diff = await Tool("diff", "Greeting.mprompt", "--json");
        Assert.True(diff.ExitCode == 1, diff.ToString());
        using (var json = Valid(diff, "diff"))
        {
            Assert.Contains("+// fixed by hand", json.RootElement.GetProperty("codeDiff").GetString());
            Assert.Equal("", json.RootElement.GetProperty("promptDiff").GetString());
        }

        var between = await Tool("diff", "Text/Slug.mprompt", "3", "1", "--json");
        Assert.True(between.ExitCode == 1, between.ToString());
        using (var json = Valid(between, "diff"))
        {
            Assert.Contains("+", json.RootElement.GetProperty("promptDiff").GetString());
        }

        Assert.Equal(2, (await Tool("diff", "Text/Slug.mprompt", "9", "1")).ExitCode); // MP4031

        // adopt: verified without a model call, recorded as hand-edit; a locked build compiles it with no MP4004.
        server.Reset();
        server.Responder = QuickProject.CorrectScript().Respond;
        var adopt = await Tool("adopt", "Greeting.mprompt", "--json");
        Assert.True(adopt.ExitCode == 0, adopt.ToString());
        using (var json = Valid(adopt, "adopt"))
        {
            Assert.Equal("adopted", json.RootElement.GetProperty("outcome").GetString());
        }

        Assert.Equal(0, server.ChatRequestCount);
        Assert.Contains("\"origin\": \"hand-edit\"", project.ReadFile(".microprompt/lock.json"));
        var locked = await project.BuildAsync(null, "-p:MicroPromptLocked=true");
        Assert.True(locked.Succeeded, locked.ToString());
        Assert.DoesNotContain("MP4004", locked.Output);
        Assert.Contains("// fixed by hand", File.ReadAllText(Directory.EnumerateFiles(Path.Combine(project.Directory, "obj"), "Greeting.g.cs", SearchOption.AllDirectories).First()));
        Assert.Equal(0, (await Tool("adopt", "Greeting.mprompt")).ExitCode); // nothing to adopt any more

        // absorb: another hand edit; the scripted model amends the prompt, proposed beside it for review.
        File.AppendAllText(codeFile, "// and again\n");
        var amended = QuickProject.GreetingPrompt.Replace("returns", "returns (as fixed by hand)");
        server.Enqueue(ScriptedReply.Completion("```markdown\n" + amended + "\n```"));
        var absorb = await Tool("absorb", "Greeting.mprompt", "--json");
        Assert.True(absorb.ExitCode == 0, absorb.ToString());
        using (var json = Valid(absorb, "absorb"))
        {
            Assert.Equal("adopted", json.RootElement.GetProperty("adoption").GetProperty("outcome").GetString());
            Assert.Contains("+", json.RootElement.GetProperty("promptDiff").GetString());
            Assert.False(json.RootElement.GetProperty("written").GetBoolean());
        }

        Assert.Equal(1, server.ChatRequestCount);
        Assert.Contains("(as fixed by hand)", project.ReadFile("Greeting.mprompt.proposed"));
        Assert.DoesNotContain("(as fixed by hand)", project.ReadFile("Greeting.mprompt")); // never silently

        // run: a kind: program prompt outside any project, twice; the second run makes no model call.
        server.Reset();
        server.Responder = new ModelScript().Reply("Echo", EchoCode).Respond;
        var echo = Path.Combine(project.Root, "elsewhere", "echo.mprompt");
        Directory.CreateDirectory(Path.GetDirectoryName(echo)!);
        File.WriteAllText(echo, "---\nkind: program\n---\n# Echo\n\nPrint the arguments joined with '+'; exit with code 3.\n");
        var env = project.BuildEnvironment();
        env["MICROPROMPT_MODEL"] = "test-model";
        Task<ToolRun> Run() => ToolInstallation.RunAsync(tool, Path.GetDirectoryName(echo)!, env, "run", echo, "--source", sdk.Feed, "--", "a", "b c");
        var firstRun = await Run();
        Assert.True(firstRun.ExitCode == 3, firstRun.ToString()); // the program's exit code passes through
        Assert.Equal("a+b c", firstRun.Stdout.Trim());
        var calls = server.ChatRequestCount;
        Assert.True(calls >= 1);
        var secondRun = await Run();
        Assert.Equal(3, secondRun.ExitCode);
        Assert.Equal("a+b c", secondRun.Stdout.Trim());
        Assert.Equal(calls, server.ChatRequestCount); // 0 requests the second time
        var runJson = await ToolInstallation.RunAsync(tool, Path.GetDirectoryName(echo)!, env, "run", echo, "--json", "--", "x");
        using (var json = Valid(runJson, "run"))
        {
            Assert.Equal("unchanged", json.RootElement.GetProperty("resolution").GetString());
            Assert.False(json.RootElement.GetProperty("built").GetBoolean());
            Assert.Equal("x", json.RootElement.GetProperty("stdout").GetString()!.Trim());
        }

        // Outside git: log is an error (exit 2).
        Directory.Delete(Path.Combine(project.Directory, ".git"), recursive: true);
        var noGit = await Tool("log", "Greeting.mprompt");
        Assert.Equal(2, noGit.ExitCode);
        Assert.Contains("MP4030", noGit.Stderr);
    }

    private const string EchoCode = """
        namespace Run;

        public static class Program
        {
            public static int Main(string[] args)
            {
                System.Console.WriteLine(string.Join("+", args));
                return 3;
            }
        }
        """;

    // JsonSchema.Net registers a schema's $id process-wide and refuses a second build (ToolTests holds one): this
    // instance is built without the $id (every $ref is local).
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "tool.schema.json")).Replace("\"$id\"", "\"$comment\"", StringComparison.Ordinal)));

    private static JsonDocument Valid(ToolRun run, string command)
    {
        var schema = Schema.Value;
        var document = JsonDocument.Parse(run.Stdout);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "The output does not match docs/tool.schema.json:\n" + run.Stdout);
        Assert.Equal(command, document.RootElement.GetProperty("command").GetString());
        return document;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error.Result}");
    }
}
