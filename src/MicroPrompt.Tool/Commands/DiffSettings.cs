using System.ComponentModel;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Settings of <c>diff</c>: the item, and optionally two of its <c>log</c> entries.</summary>
public sealed class DiffSettings : ItemSettings
{
    [CommandArgument(1, "[FROM]")]
    [Description("A log entry (its # in 'log', a commit id or prefix, HEAD~1, …) to diff from; with TO. Default: the committed resolution.")]
    public string? From { get; init; }

    [CommandArgument(2, "[TO]")]
    [Description("The log entry to diff to. Default: the working tree.")]
    public string? To { get; init; }
}
