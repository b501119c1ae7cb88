using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// MicroPrompt.Templates, packed with the SDK version under test and installed into a private template hive (the
/// machine's templates untouched): the project templates build offline (locked, CI=true, no key) and run; the item
/// template adds a prompt the next build needs a model for.
/// </summary>
public sealed class TemplateTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task Console_and_classlib_templates_build_offline_and_run_and_the_item_template_adds_an_unresolved_prompt()
    {
        var pack = await DotNet.RunAsync(RepoPaths.Root,
            ["pack", Path.Combine("templates", "MicroPrompt.Templates", "MicroPrompt.Templates.csproj"), "-c", "Release", "-o", sdk.Feed, $"-p:Version={sdk.Version}", "-nodeReuse:false"],
            timeout: TimeSpan.FromMinutes(10));
        var package = Path.Combine(sdk.Feed, $"MicroPrompt.Templates.{sdk.Version}.nupkg");
        Assert.True(pack.Succeeded && File.Exists(package), pack.ToString());

        using var app = new TestProject(sdk, "Hello");
        using var lib = new TestProject(sdk, "Lib");
        var hive = Path.Combine(app.Root, "template-hive");
        foreach (var project in new[] { app, lib })
        {
            project.Environment["DOTNET_CLI_HOME"] = Path.Combine(app.Root, "cli-home");
            project.Environment["CI"] = "true";                      // locked by default
            project.Environment[TestProject.ApiKeyVariable] = null;  // and no key anywhere
        }

        await NewAsync(app, "install", package, "--debug:custom-hive", hive);
        await NewAsync(app, "mprompt-console", "-n", "Hello", "-o", app.Directory, "--debug:custom-hive", hive, "--no-update-check");
        await NewAsync(lib, "mprompt-classlib", "-n", "Lib", "-o", lib.Directory, "--debug:custom-hive", hive, "--no-update-check");

        // The projects reference the SDK the templates were packed with, and their locks say how the code was made.
        Assert.Contains($"<Project Sdk=\"MicroPrompt.Sdk/{sdk.Version}\">", app.ReadFile("Hello.csproj"));
        Assert.Contains($"<Project Sdk=\"MicroPrompt.Sdk/{sdk.Version}\">", lib.ReadFile("Lib.csproj"));
        Assert.Contains("\"model\": \"handwritten-replay\"", app.ReadFile(".microprompt/lock.json"));
        Assert.Contains("<MicroPromptModel>gpt-4.1-mini</MicroPromptModel>", app.ReadFile("Hello.csproj"));
        Assert.DoesNotContain("__MICROPROMPT", app.ReadFile("Hello.csproj") + app.ReadFile("README.md"));

        var libBuild = await lib.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(libBuild.Succeeded, libBuild.ToString());
        Assert.Contains("1 prompt(s): 1 resolved", libBuild.Output);

        // The console app, also using the library's generated code through a project reference.
        app.WriteFile("Hello.csproj", app.ReadFile("Hello.csproj").Replace("</Project>",
            $"  <ItemGroup><ProjectReference Include=\"{lib.ProjectFile}\" /></ItemGroup>\n</Project>"));
        app.WriteFile("Program.cs", app.ReadFile("Program.cs") + "Console.WriteLine(Starter.Text.Initials.Of(text));\n");
        var build = await app.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("1 prompt(s): 1 resolved", build.Output);
        Assert.Contains("heavy components loaded: none", build.Output);
        Assert.Equal("hello-microprompt\nHM", (await app.RunAsync()).Output.Trim().Replace("\r\n", "\n"));
        Assert.Equal("c-14-is-here\nC1IH", (await app.RunAsync("C#", "14", "is", "here")).Output.Trim().Replace("\r\n", "\n"));

        // The item template: a prompt to fill in; the locked build says it needs a model, the IDE's build compiles its contract.
        await NewAsync(app, "mprompt", "-n", "Parser", "-o", app.Directory, "--debug:custom-hive", hive, "--no-update-check");
        var prompt = app.ReadFile("Parser.mprompt");
        Assert.Contains("# Parser", prompt);
        Assert.Contains("public static class Parser", prompt);
        var locked = await app.BuildAsync(endpoint: null);
        Assert.False(locked.Succeeded);
        Assert.Contains("Parser.mprompt(1,1): error MP2004", locked.Output);
        var design = await app.BuildAsync(endpoint: null, "-p:DesignTimeBuild=true");
        Assert.True(design.Succeeded, design.ToString());
    }

    private static async Task NewAsync(TestProject project, params string[] arguments)
    {
        var result = await project.DotNetAsync(["new", .. arguments]);
        Assert.True(result.Succeeded, $"dotnet new {string.Join(' ', arguments)}: {result}");
    }
}
