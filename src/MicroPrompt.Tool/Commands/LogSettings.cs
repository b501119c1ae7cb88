using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>log</c>.</summary>
public sealed class LogSettings : ItemSettings
{
    [CommandOption("--patch")]
    [Description("Show each resolution's prompt diff beside its code diff (against the resolution before it).")]
    public bool Patch { get; init; }
}
