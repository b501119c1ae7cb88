using MicroPrompt.Generation;
using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Settings;

/// <summary>The one place where the build's parameters become engine settings (the task and the tool both call it).</summary>
public sealed class ResolutionSettingsTests
{
    private static ResolutionParameters Parameters(string? tasksDirectory = null, string? regeneration = null, string? allowApiChanges = null) => new()
    {
        ProjectDirectory = Path.GetTempPath(),
        OutputDirectory = Path.Combine(Path.GetTempPath(), "obj"),
        StoreDirectory = Path.Combine(Path.GetTempPath(), ".microprompt"),
        RunExamples = "true",
        TasksDirectory = tasksDirectory,
        Regeneration = regeneration,
        AllowApiChanges = allowApiChanges,
    };

    [Fact]
    public void The_tasks_folder_recorded_in_the_inputs_lets_the_tool_run_examples_with_the_builds_harness()
    {
        var tasks = Path.Combine(Path.GetTempPath(), "sdk", "tasks", "net8.0");

        var settings = ResolutionSettings.Read(Parameters(tasksDirectory: tasks));

        Assert.Empty(settings.Problems);
        Assert.Equal(Path.Combine(tasks, "examplehost", "MicroPrompt.ExampleHost.dll"), settings.Examples!.HostAssemblyPath);
    }

    [Fact]
    public void An_explicit_example_host_folder_wins_over_the_recorded_one()
    {
        var settings = ResolutionSettings.Read(Parameters(tasksDirectory: "/elsewhere"), exampleHostDirectory: "/here");

        Assert.Equal(Path.Combine("/here", "examplehost", "MicroPrompt.ExampleHost.dll"), settings.Examples!.HostAssemblyPath);
    }

    [Theory]
    [InlineData(null, RegenerationMode.Edit)]
    [InlineData("edit", RegenerationMode.Edit)]
    [InlineData("FRESH", RegenerationMode.Fresh)]
    public void Regeneration_is_edit_by_default_or_fresh(string? value, RegenerationMode expected)
    {
        var settings = ResolutionSettings.Read(Parameters(regeneration: value));

        Assert.Empty(settings.Problems);
        Assert.Equal(expected, settings.Options.Regeneration);
    }

    [Fact]
    public void A_bad_regeneration_is_MP1005_naming_the_property_and_the_allowed_values()
    {
        var problem = Assert.Single(ResolutionSettings.Read(Parameters(regeneration: "sometimes")).Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.Contains("MicroPromptRegeneration is 'sometimes'; expected edit or fresh.", problem.Message);
    }

    [Theory]
    [InlineData("true", true, new string[0])]
    [InlineData("false", false, new string[0])]
    [InlineData("Greeter;Text/Slug.mprompt", false, new[] { "Greeter", "Text/Slug.mprompt" })]
    public void AllowApiChanges_is_all_none_or_item_names(string value, bool all, string[] items)
    {
        var options = ResolutionSettings.Read(Parameters(allowApiChanges: value)).Options;

        Assert.Equal(all, options.AllowApiChangesAll);
        Assert.Equal(items, options.AllowApiChangesItems);
    }
}
