namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>run --json</c> document (docs/tool.schema.json, definition <c>run</c>).</summary>
/// <param name="Resolution">How the prompt was resolved: <c>unchanged</c> (the run store had it), else the new lock entry's origin.</param>
/// <param name="Built">False when the program built earlier from the same inputs was run as it was.</param>
/// <param name="Stdout">The program's standard output (with --json it is captured, not passed through).</param>
public sealed record RunJson(string Prompt, string Directory, string Resolution, bool Built, int ExitCode, string Stdout)
{
    public string Command => "run";
}
