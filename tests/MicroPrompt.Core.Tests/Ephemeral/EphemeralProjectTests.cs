using MicroPrompt.Ephemeral;

namespace MicroPrompt.Core.Tests.Ephemeral;

/// <summary><c>run</c>: the throw-away project in the user cache, and when its built program can be reused.</summary>
public sealed class EphemeralProjectTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-run-" + Guid.NewGuid().ToString("N")[..8]);

    public EphemeralProjectTests() => Directory.CreateDirectory(_root);

    private string Prompt(string text)
    {
        var path = Path.Combine(_root, "tools", "word-count.mprompt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_project_lives_in_the_user_cache_on_the_sdk_of_the_tools_version_with_the_prompt_and_its_own_store()
    {
        var prompt = Prompt("---\nkind: program\n---\n# Count words\n");
        var project = EphemeralProject.Prepare(Path.Combine(_root, "cache"), prompt, "1.2.3-ci.4", []);

        Assert.StartsWith(Path.Combine(_root, "cache", "run") + Path.DirectorySeparatorChar, project.Directory);
        Assert.Contains("<Project Sdk=\"MicroPrompt.Sdk/1.2.3-ci.4\">", File.ReadAllText(project.ProjectFile));
        Assert.Contains("<OutputType>Exe</OutputType>", File.ReadAllText(project.ProjectFile));
        _ = System.Xml.Linq.XDocument.Parse(File.ReadAllText(project.ProjectFile));
        Assert.Equal(File.ReadAllText(prompt), File.ReadAllText(project.PromptFile));
        Assert.Equal(Path.Combine(project.Directory, ".microprompt"), project.StoreDirectory);
        Assert.False(File.Exists(Path.Combine(project.Directory, "nuget.config"))); // the user's own NuGet configuration applies
        Assert.Equal(project.Directory, EphemeralProject.Prepare(Path.Combine(_root, "cache"), prompt, "1.2.3-ci.4", []).Directory); // same prompt, same folder
    }

    [Fact]
    public void Sources_are_added_to_the_users_own_in_a_nuget_config()
    {
        var project = EphemeralProject.Prepare(Path.Combine(_root, "cache"), Prompt("# P\n"), "1.0.0", [Path.Combine(_root, "feed")]);

        var config = File.ReadAllText(Path.Combine(project.Directory, "nuget.config"));
        Assert.Contains($"value=\"{Path.Combine(_root, "feed")}\"", config);
        Assert.DoesNotContain("<clear", config);
        _ = System.Xml.Linq.XDocument.Parse(config); // NuGet refuses a config that is not well-formed XML
    }

    [Fact]
    public void A_built_program_is_reused_until_the_prompt_or_the_resolved_state_changes()
    {
        var prompt = Prompt("# P\n");
        var cache = Path.Combine(_root, "cache");
        var project = EphemeralProject.Prepare(cache, prompt, "1.0.0", []);
        Assert.False(project.IsBuilt());
        Directory.CreateDirectory(project.OutputDirectory);
        File.WriteAllText(project.ProgramPath, "dll");
        project.MarkBuilt();
        Assert.True(EphemeralProject.Prepare(cache, prompt, "1.0.0", []).IsBuilt());

        Directory.CreateDirectory(project.StoreDirectory);
        File.WriteAllText(Path.Combine(project.StoreDirectory, "lock.json"), "{}");
        Assert.False(project.IsBuilt()); // a new resolution
        project.MarkBuilt();
        File.WriteAllText(prompt, "# P, changed\n");
        Assert.False(EphemeralProject.Prepare(cache, prompt, "1.0.0", []).IsBuilt());
        Assert.False(EphemeralProject.Prepare(cache, Prompt("# P\n"), "2.0.0", []).IsBuilt()); // another SDK version
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
