using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>absorb</c>.</summary>
public sealed class AbsorbSettings : ItemSettings
{
    [CommandOption("--write")]
    [Description("Overwrite the .mprompt with the amended prompt (default: write <item>.mprompt.proposed beside it for review).")]
    public bool Write { get; init; }
}
