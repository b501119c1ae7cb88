using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of a command about one item (<c>log</c>, <c>diff</c>, <c>adopt</c>, …): the item's path or name.</summary>
public class ItemSettings : ToolSettings
{
    [CommandArgument(0, "[ITEM]")]
    [Description("The item: its .mprompt path relative to the project (or its name).")]
    public string? Item { get; init; }
}
