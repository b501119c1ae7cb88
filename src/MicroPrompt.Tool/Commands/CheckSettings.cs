using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>check</c>: the items (all when none), samples, temperature, mutants, minimum.</summary>
public sealed class CheckSettings : ToolSettings
{
    [CommandArgument(0, "[ITEMS]")]
    [Description("The items to check: .mprompt paths relative to the project (or names). Default: every item.")]
    public string[] Items { get; init; } = [];

    [CommandOption("-n|--samples <N>")]
    [Description("Independent generations per item, 1–100 (default: the project's MicroPromptCheckSamples, else 5).")]
    public string? Samples { get; init; }

    [CommandOption("-t|--temperature <T>")]
    [Description("Sampling temperature of the samples, 0–2 (default: the project's MicroPromptCheckTemperature, else 0.7).")]
    public string? Temperature { get; init; }

    [CommandOption("--mutants")]
    [Description("Also measure example strength: mutants of each item's resolved code run against its examples.")]
    public bool Mutants { get; init; }

    [CommandOption("--min <X>")]
    [Description("The least acceptable lower bound, 0–1 (default: the project's MicroPromptMinDependability); below it: exit 3.")]
    public string? Minimum { get; init; }
}
