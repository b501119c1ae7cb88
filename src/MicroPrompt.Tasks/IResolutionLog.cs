using MicroPrompt.Diagnostics;

namespace MicroPrompt.Tasks;

/// <summary>
/// The build log as the resolution run sees it: messages by importance and engine diagnostics. <see cref="TaskLog"/>
/// is the only implementation (over MSBuild's <c>TaskLoggingHelper</c>); the run's classes never touch an MSBuild type,
/// so the ReadyToRun code of their methods stays usable (a type deriving from MSBuild's <c>Task</c> is outside the
/// image's version bubble and every one of its methods is JIT-compiled).
/// </summary>
internal interface IResolutionLog
{
    /// <summary>True once an error was logged through this log (the task's result).</summary>
    bool HasLoggedErrors { get; }

    /// <summary>A message shown at <c>-v:detailed</c> (MSBuild's low importance).</summary>
    void Low(string message);

    /// <summary>A message shown at <c>-v:normal</c>.</summary>
    void Normal(string message);

    /// <summary>A message shown at <c>-v:minimal</c> (the one-screen summary).</summary>
    void High(string message);

    /// <summary>Logs an engine diagnostic as an MSBuild error, warning or message with its MP code.</summary>
    void Report(MicroPromptDiagnostic diagnostic);
}
