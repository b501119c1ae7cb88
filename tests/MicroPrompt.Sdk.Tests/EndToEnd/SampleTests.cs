using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>The shipped sample builds locked and offline from its committed resolved state (the README's main job).</summary>
public sealed class SampleTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    [Fact]
    public async Task QuickStart_builds_locked_from_its_committed_resolved_state_and_runs()
    {
        using var project = new TestProject(sdk, "QuickStart");
        var sample = Path.Combine(RepoPaths.Root, "samples", "QuickStart");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            project.WriteFile(relative, File.ReadAllText(file));
        }

        // The sample pins the SDK in global.json; point it at the package under test.
        project.WriteFile("global.json", $$"""{ "msbuild-sdks": { "MicroPrompt.Sdk": "{{sdk.Version}}" } }""");
        project.Environment["CI"] = "true";                      // locked by default
        project.Environment[TestProject.ApiKeyVariable] = null;  // and no key anywhere
        var build = await project.BuildAsync(endpoint: null, "-v:detailed");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("3 prompt(s): 3 resolved", build.Output);
        Assert.Contains("heavy components loaded: none", build.Output);

        project.WriteFile("doc.md", "# Intro\n## Install\n## Install\n```\n# not a heading\n```\n");
        var run = await project.RunAsync("doc.md");
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("- [Intro](#intro)\n  - [Install](#install)\n  - [Install](#install-1)", run.Output.Trim().Replace("\r\n", "\n"));
    }
}
