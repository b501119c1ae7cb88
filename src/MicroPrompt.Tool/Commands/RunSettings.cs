using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>run &lt;file.mprompt&gt; [-- args…]</c>.</summary>
public sealed class RunSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A kind: program prompt (.mprompt), anywhere; no project needed.")]
    public string File { get; init; } = "";

    [CommandOption("--source <FEED>")]
    [Description("A NuGet source to restore MicroPrompt.Sdk from, added to your own (repeatable; also MICROPROMPT_RUN_SOURCES, ';'-separated).")]
    public string[] Sources { get; init; } = [];

    [CommandOption("--json")]
    [Description("Capture the program's stdout and write one JSON document (schema: docs/tool.schema.json, run) instead.")]
    public bool Json { get; init; }
}
