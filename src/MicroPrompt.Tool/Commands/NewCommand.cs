namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt new</c>.</summary>
public sealed class NewCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "new";
}
