namespace MicroPrompt.Tool;

/// <summary>An error the tool reports as one line on stderr and exit code 2 (bad project, MSBuild failure, bad arguments).</summary>
public sealed class ToolException(string message) : Exception(message);
