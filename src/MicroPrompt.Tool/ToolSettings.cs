using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool;

/// <summary>Options every command shares: <c>--project</c> and <c>--json</c>.</summary>
public class ToolSettings : CommandSettings
{
    [CommandOption("-p|--project <PATH>")]
    [Description("The project file or its folder (default: the project in the current folder).")]
    public string? Project { get; init; }

    [CommandOption("--json")]
    [Description("Write the result as JSON (schema: docs/tool.schema.json) instead of a table.")]
    public bool Json { get; init; }

    [CommandOption("--inputs <FILE>")]
    [Description("Read the resolution inputs from this file (written by the SDK target MicroPromptWriteResolutionInputs) instead of running MSBuild.")]
    public string? Inputs { get; init; }
}
