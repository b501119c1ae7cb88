using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>status</c>.</summary>
public sealed class StatusSettings : ToolSettings
{
    [CommandOption("-v|--verbose")]
    [Description("Also show each item's model, key and notes, and the assumptions recorded with its code.")]
    public bool Verbose { get; init; }
}
