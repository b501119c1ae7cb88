namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt log</c> (stub: written on the tool-history branch).</summary>
public sealed class LogCommand : NotImplementedCommand<ItemSettings>
{
    protected override string Name => "log";
}
