using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>Examples run during a real `dotnet build` from the packed SDK (so the harness ships and starts).</summary>
public sealed class ExampleBuildTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    [Fact]
    public async Task A_wrong_library_answer_is_repaired_from_the_failing_example_during_the_build()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var wrong = QuickProject.SlugCode.Replace("text.ToLowerInvariant()", "text", StringComparison.Ordinal);
        var script = new ModelScript().Reply("Slugify", wrong, QuickProject.SlugCode).Reply("Greeting", QuickProject.GreetingCode);
        server.Responder = script.Respond;
        using var project = QuickProject.Create(sdk);

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);

        Assert.True(build.Succeeded, build.ToString());
        var slugRequests = ModelScript.For(server, "Slugify");
        Assert.Equal(2, slugRequests.Count);
        var repair = slugRequests[1].Messages[^1].Content;
        Assert.Contains("Slug.mprompt(16,1): example `Slug.Make(\"Hello, World!\") == \"hello-world\"`", repair);
        Assert.Contains("the left side is \"ello-orld\"", repair); // the wrong code drops capitals: the actual value is fed back
        Assert.DoesNotContain(TestProject.ApiKey, repair);
        var lockText = project.ReadFile(".microprompt/lock.json");
        Assert.Contains("\"examplesPassed\": 1", lockText);
        Assert.Contains("\"examplesTotal\": 1", lockText);
        Assert.Contains("\"firstCorrectPass\": 2", lockText);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await project.RunAsync()).Output.Trim());
    }

    private const string ShoutPrompt = """
        ---
        kind: program
        ---
        # Shout

        Print the first argument in capitals; with no argument print the standard input in capitals.

        ## Examples
        ```text
        args: [hello]
        stdout: "HELLO"
        ```

        ```text
        stdin: "quiet please\n"
        stdout: "QUIET PLEASE"
        exit: 0
        ```
        """;

    private const string WrongShout = """
        namespace App;

        public static class Program
        {
            public static int Main(string[] args)
            {
                Console.WriteLine(args.Length > 0 ? args[0] : Console.In.ReadToEnd().Trim().ToUpperInvariant());
                return 0;
            }
        }
        """;

    [Fact]
    public async Task Program_examples_fail_the_build_under_none_with_MP2007_and_pass_once_the_code_is_right()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        var script = new ModelScript().Reply("Shout", WrongShout);
        server.Responder = script.Respond;
        using var project = new TestProject(sdk).WithProject().WriteFile("Shout.mprompt", ShoutPrompt);
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        var failed = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptRepair=none");

        Assert.False(failed.Succeeded);
        Assert.Contains("Shout.mprompt(10,1): error MP2007", failed.Output);
        Assert.Contains("fails 1 of 2 example(s) after 1 pass", failed.Output);
        Assert.Contains("stdout was \"hello\", expected \"HELLO\"", failed.Output);
        Assert.DoesNotContain("Unhandled exception", failed.Output);
        Assert.Single(server.ChatRequests);
        Assert.False(project.Exists(".microprompt/lock.json") && project.ReadFile(".microprompt/lock.json").Contains("Shout.mprompt", StringComparison.Ordinal));

        script.Reply("Shout", WrongShout.Replace("args[0] :", "args[0].ToUpperInvariant() :", StringComparison.Ordinal));
        var fixedBuild = await project.BuildAsync(endpoint, Unlocked, "-p:MicroPromptRepair=none");

        Assert.True(fixedBuild.Succeeded, fixedBuild.ToString());
        Assert.Equal("HI", (await project.RunAsync("hi")).Output.Trim());
        Assert.Contains("\"examplesPassed\": 2", project.ReadFile(".microprompt/lock.json"));
    }
}
