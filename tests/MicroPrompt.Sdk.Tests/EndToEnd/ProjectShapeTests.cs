using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>The ways to reference the SDK, model precedence through MSBuild, and malformed input through MSBuild.</summary>
[LongRunning]
public sealed class ProjectShapeTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private const string Unlocked = "-p:MicroPromptLocked=false";

    [Fact]
    public async Task Sdk_element_form_with_model_from_environment_and_item_metadata_precedence()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = new TestProject(sdk)
            .WithProject(style: "element", items: """<MicroPrompt Update="Text/Slug.mprompt" Model="pinned-model" />""")
            .WriteFile("Text/Slug.mprompt", QuickProject.SlugPrompt)
            .WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt)
            .WriteFile("Program.cs", QuickProject.ProgramCode);
        // No MicroPromptModel property: remove the one the template sets, and give the environment variable.
        project.WriteFile(project.Name + ".csproj", project.ReadFile(project.Name + ".csproj").Replace("<MicroPromptModel>test-model</MicroPromptModel>", ""));
        project.Environment["MICROPROMPT_MODEL"] = "env-model";

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal("pinned-model", Assert.Single(ModelScript.For(server, "Slugify")).Model);
        Assert.Equal("env-model", Assert.Single(ModelScript.For(server, "Greeting")).Model);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await project.RunAsync()).Output.Trim());

        // A property wins over the environment variable.
        server.Reset();
        server.Responder = QuickProject.CorrectScript().Respond;
        var withProperty = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked, "-p:MicroPromptModel=property-model");
        Assert.True(withProperty.Succeeded, withProperty.ToString());
        var greeting = Assert.Single(server.ChatRequests);
        Assert.Equal("property-model", greeting.Model); // Slug stays resolved: its pinned model did not change
    }

    [Fact]
    public async Task Package_reference_form_designs_generates_no_ops_cleans_and_builds_a_locked_fresh_clone()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = QuickProject.Create(sdk, style: "packagereference");
        Assert.Contains("<Project Sdk=\"Microsoft.NET.Sdk\">", project.ReadFile(project.Name + ".csproj"));
        var endpoint = new ScriptedEndpoint(server.OpenAIEndpoint);

        // Design-time (IDE) build before anything is resolved: no request, the contract stub compiles.
        var design = await project.BuildAsync(endpoint, Unlocked, "-p:DesignTimeBuild=true");
        Assert.True(design.Succeeded, design.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Contains("NotImplementedException", File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs")));

        // The real build generates through the package's build/ imports.
        server.Responder = QuickProject.CorrectScript().Respond;
        var first = await project.BuildAsync(endpoint, Unlocked);
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Equal("Hello, Ada Lovelace! Your handle is ada-lovelace.", (await project.RunAsync()).Output.Trim());
        Assert.True(project.Exists(".microprompt/lock.json"));
        // PrivateAssets="all" and no lib/: none of the SDK's own assemblies reach the app's output.
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "bin"), "MicroPrompt.*", SearchOption.AllDirectories));

        // No-op: nothing sent, the generated file untouched (and .microprompt/code/*.cs not globbed as Compile, or the
        // types would be defined twice).
        server.Reset();
        var generated = Path.Combine(project.GeneratedDirectory, "Greeting.g.cs");
        var stamp = File.GetLastWriteTimeUtc(generated);
        var noop = await project.BuildAsync(endpoint, Unlocked, "-v:detailed");
        Assert.True(noop.Succeeded, noop.ToString());
        Assert.Equal(0, server.RequestCount);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(generated));
        Assert.Contains("Skipping target \"_MicroPromptGenerate\" because all output files are up-to-date", noop.Output);

        var clean = await project.DotNetAsync("clean", project.ProjectFile, "-nodeReuse:false");
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(Directory.Exists(project.GeneratedDirectory));
        Assert.True(project.Exists(".microprompt/lock.json"));

        // A teammate's clone: CI=true (locked), no endpoint, no key, empty packages folder and user cache.
        using var clone = project.FreshClone();
        clone.Environment["CI"] = "true";
        clone.Environment[TestProject.ApiKeyVariable] = null;
        var offline = await clone.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(offline.Succeeded, offline.ToString());
        Assert.Contains("2 prompt(s): 2 resolved", offline.Output);
        Assert.Contains("heavy components loaded: none", offline.Output);
        Assert.Equal("Hello, Grace Hopper! Your handle is grace-hopper.", (await clone.RunAsync("Grace Hopper")).Output.Trim());
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Global_json_form_with_a_program_item_and_ollama()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const string program = """
            ---
            kind: program
            ---
            # Echo

            Print the arguments joined with '+'.
            """;
        const string code = """
            namespace App;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    System.Console.WriteLine(string.Join("+", args));
                    return 0;
                }
            }
            """;
        server.Responder = new ModelScript().Reply("Echo", code).Respond;
        using var project = new TestProject(sdk).WithProject(style: "globaljson").WriteFile("Echo.mprompt", program);

        var build = await project.BuildAsync(new ScriptedEndpoint(server.BaseUrl, "ollama"), Unlocked);
        Assert.True(build.Succeeded, build.ToString());
        var request = Assert.Single(server.ChatRequests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("a+b+c", (await project.RunAsync("a", "b", "c")).Output.Trim());
    }

    [Fact]
    public async Task Malformed_prompts_are_MP0xxx_errors_at_file_line_col_without_a_stack_trace()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var project = new TestProject(sdk)
            .WithProject()
            .WriteFile("Program.cs", "System.Console.WriteLine();")
            .WriteFile("Typo.mprompt", "---\nkind: library\nmodle: x\n---\n# Typo\n\nDo it.\n")
            .WriteFile("Yaml.mprompt", "---\nuses: [a, b\n---\n# Yaml\n\nDo it.\n")
            .WriteFile("Range.mprompt", "---\nrequires: [Newtonsoft.Json >= banana]\n---\n# Range\n\nDo it.\n");

        var build = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), Unlocked);
        Assert.False(build.Succeeded);
        Assert.Contains("Typo.mprompt(3,1): error MP0012", build.Output);
        Assert.Contains("did you mean 'model'", build.Output);
        Assert.Matches(@"Yaml\.mprompt\(\d+,\d+\): error MP0011", build.Output);
        Assert.Matches(@"Range\.mprompt\(2,\d+\): error MP0014", build.Output);
        Assert.DoesNotContain("   at ", build.Output);
        Assert.Equal(0, server.RequestCount);
    }
}
