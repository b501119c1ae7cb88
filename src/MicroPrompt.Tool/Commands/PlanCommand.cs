namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt plan</c>.</summary>
public sealed class PlanCommand : NotImplementedCommand<ToolSettings>
{
    protected override string Name => "plan";
}
