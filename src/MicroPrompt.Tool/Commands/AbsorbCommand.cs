namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt absorb</c> (stub: written on the tool-history branch).</summary>
public sealed class AbsorbCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "absorb";
}
