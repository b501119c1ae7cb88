namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt diff</c> (stub: written on the tool-history branch).</summary>
public sealed class DiffCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "diff";
}
