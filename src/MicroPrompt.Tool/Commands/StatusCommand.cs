namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt status</c>.</summary>
public sealed class StatusCommand : NotImplementedCommand<ToolSettings>
{
    protected override string Name => "status";
}
