namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt run</c> (stub: written on the tool-history branch).</summary>
public sealed class RunCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "run";
}
