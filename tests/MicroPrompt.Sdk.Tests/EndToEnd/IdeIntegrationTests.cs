using System.Text.Json;
using MicroPrompt.Sdk.Tests.Infrastructure;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>
/// What an IDE sees: the public <c>MicroPromptGenerate</c> target on its own, and the inputs of Visual Studio's fast
/// up-to-date check (<c>CollectUpToDateCheckInputDesignTime</c>), in the SDK form and the package-reference form.
/// Visual Studio's project system defines that target; outside it (here) the SDK's stand-in of the same shape does.
/// </summary>
public sealed class IdeIntegrationTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task MicroPromptGenerate_alone_generates_prompts_and_resolved_state_are_up_to_date_inputs_in_both_forms_and_a_rebuild_generates()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Responder = QuickProject.CorrectScript().Respond;
        using var project = QuickProject.Create(sdk);
        Assert.True((await project.DotNetAsync("restore", project.ProjectFile, "-nodeReuse:false")).Succeeded);

        // The public target on its own (no Build, no Compile): the code is generated, verified and locked.
        var generate = await project.DotNetAsync("msbuild", project.ProjectFile, "-t:MicroPromptGenerate", "-nodeReuse:false",
            "-p:MicroPromptLocked=false", $"-p:MicroPromptEndpoint={server.OpenAIEndpoint}");
        Assert.True(generate.Succeeded, generate.ToString());
        Assert.Equal(2, server.ChatRequestCount);
        Assert.Contains("public static string Greet(string name) =>", File.ReadAllText(Path.Combine(project.GeneratedDirectory, "Greeting.g.cs")));
        Assert.True(project.Exists(".microprompt/lock.json"));
        Assert.False(project.Exists("bin/Debug/net10.0/App.dll")); // nothing was compiled

        var inputs = await UpToDateCheckInputs(project);
        Assert.Contains("Greeting.mprompt", inputs);
        Assert.Contains("Text/Slug.mprompt", inputs);
        Assert.Contains(".microprompt/lock.json", inputs);
        Assert.Contains(inputs, i => i.StartsWith(".microprompt/code/", StringComparison.Ordinal) && i.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Equal(2, server.ChatRequestCount); // the design-time evaluation called no model
        Assert.Contains("MicroPrompt", await AvailableItemNames(project));
        Assert.DoesNotContain(await NoneItems(project), i => i.EndsWith(".mprompt", StringComparison.Ordinal));

        // A rebuild is a real build too: its clean runs before BuildingProject is set, and used to make it design-time.
        server.Responder = QuickProject.CorrectScript().Respond; // each scripted reply answers once
        project.WriteFile("Greeting.mprompt", QuickProject.GreetingPrompt + "\nKeep it short.\n");
        var rebuild = await project.BuildAsync(new ScriptedEndpoint(server.OpenAIEndpoint), "--no-incremental", "-p:MicroPromptLocked=false");
        Assert.True(rebuild.Succeeded, rebuild.ToString());
        Assert.True(server.ChatRequestCount > 2, "the rebuild regenerated nothing:\n" + rebuild);

        // The package-reference form (build/ and buildTransitive/ imports) declares the same.
        using var referenced = QuickProject.Create(sdk, style: "packagereference");
        referenced.WriteFile(".microprompt/lock.json", project.ReadFile(".microprompt/lock.json"));
        Assert.True((await referenced.DotNetAsync("restore", referenced.ProjectFile, "-nodeReuse:false")).Succeeded);
        var referencedInputs = await UpToDateCheckInputs(referenced);
        Assert.Contains("Greeting.mprompt", referencedInputs);
        Assert.Contains("Text/Slug.mprompt", referencedInputs);
        Assert.Contains(".microprompt/lock.json", referencedInputs);
        Assert.Contains("MicroPrompt", await AvailableItemNames(referenced));
        Assert.DoesNotContain(await NoneItems(referenced), i => i.EndsWith(".mprompt", StringComparison.Ordinal)); // a prompt is not also a None item
    }

    /// <summary>The items the design-time target returns, relative to the project folder.</summary>
    private static async Task<List<string>> UpToDateCheckInputs(TestProject project)
    {
        var result = await project.DotNetAsync("msbuild", project.ProjectFile, "-nodeReuse:false", "-p:DesignTimeBuild=true",
            "-t:CollectUpToDateCheckInputDesignTime", "-getTargetResult:CollectUpToDateCheckInputDesignTime");
        Assert.True(result.Succeeded, result.ToString());
        using var json = JsonDocument.Parse(Json(result.Output));
        var target = json.RootElement.GetProperty("TargetResults").GetProperty("CollectUpToDateCheckInputDesignTime");
        Assert.Equal("Success", target.GetProperty("Result").GetString());
        return target.GetProperty("Items").EnumerateArray()
            .Select(i => Path.GetRelativePath(project.Directory, i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .ToList();
    }

    private static async Task<List<string>> AvailableItemNames(TestProject project)
    {
        var result = await project.DotNetAsync("msbuild", project.ProjectFile, "-nodeReuse:false", "-getItem:AvailableItemName");
        Assert.True(result.Succeeded, result.ToString());
        using var json = JsonDocument.Parse(Json(result.Output));
        return json.RootElement.GetProperty("Items").GetProperty("AvailableItemName").EnumerateArray()
            .Select(i => i.GetProperty("Identity").GetString()!)
            .ToList();
    }

    private static async Task<List<string>> NoneItems(TestProject project)
    {
        var result = await project.DotNetAsync("msbuild", project.ProjectFile, "-nodeReuse:false", "-getItem:None", "-getItem:MicroPrompt");
        Assert.True(result.Succeeded, result.ToString());
        using var json = JsonDocument.Parse(Json(result.Output));
        Assert.True(json.RootElement.GetProperty("Items").GetProperty("MicroPrompt").GetArrayLength() > 0);
        return json.RootElement.GetProperty("Items").TryGetProperty("None", out var none)
            ? none.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList()
            : [];
    }

    private static string Json(string output) => output[output.IndexOf('{', StringComparison.Ordinal)..(output.LastIndexOf('}') + 1)];
}
