namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt adopt</c> (stub: written on the tool-history branch).</summary>
public sealed class AdoptCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "adopt";
}
