using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>new &lt;path&gt; [--kind library|program]</c>.</summary>
public sealed class NewSettings : ToolSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The .mprompt file to create (the extension is added when missing).")]
    public string Path { get; init; } = "";

    [CommandOption("-k|--kind <KIND>")]
    [Description("library (default) or program.")]
    public string Kind { get; init; } = "library";

    [CommandOption("-f|--force")]
    [Description("Overwrite an existing file.")]
    public bool Force { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        Kind is "library" or "program"
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--kind is '{Kind}'; expected library or program.");
}
