namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages the build task itself reports (MP2006, MP4008, MP9001): a cancelled build, a report that could not be
/// written, and a failure nothing else names. Public because the MSBuild task (another assembly) reports them; the
/// texts live here with every other message.
/// </summary>
public static class TaskMessages
{
    public static MicroPromptDiagnostic Cancelled() => MicroPromptDiagnostic.Error(DiagnosticCodes.Cancelled,
        "MicroPrompt generation was cancelled. Everything verified so far is stored; the next build continues from there.");

    public static MicroPromptDiagnostic ReportWriteFailed(string reportDirectory, string reason) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.ReportWriteFailed, $"The MicroPrompt report could not be written to '{reportDirectory}': {reason}");

    public static MicroPromptDiagnostic Unexpected(Exception exception) => MicroPromptDiagnostic.Error(DiagnosticCodes.InternalError,
        $"MicroPrompt failed unexpectedly ({exception.GetType().Name}: {exception.Message}). Please report this with the build log.");
}
