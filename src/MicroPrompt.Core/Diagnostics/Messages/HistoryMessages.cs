namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The messages of an item's history (<c>dotnet mprompt log</c> / <c>diff</c>): MP4030, MP4031.</summary>
internal static class HistoryMessages
{
    public static MicroPromptDiagnostic Unavailable(string reason, string directory) => MicroPromptDiagnostic.Error(DiagnosticCodes.HistoryUnavailable,
        $"The history of the MicroPrompt store needs git: {reason}. Install git and run the command inside the project's git repository.", directory);

    public static MicroPromptDiagnostic RevisionUnknown(string spec, string itemPath, int entries, string promptPath) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.HistoryRevisionUnknown,
        $"'{spec}' is not a resolution of '{itemPath}': give a log index (1 to {entries}) or a commit that changed its lock entry (see 'dotnet mprompt log {itemPath}').",
        promptPath);
}
