using MicroPrompt.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MicroPrompt.Tasks;

/// <summary>The task's <see cref="TaskLoggingHelper"/> as an <see cref="IResolutionLog"/>.</summary>
internal sealed class TaskLog(TaskLoggingHelper log) : IResolutionLog
{
    public bool HasLoggedErrors => log.HasLoggedErrors;

    public void Low(string message) => log.LogMessage(MessageImportance.Low, message);

    public void Normal(string message) => log.LogMessage(MessageImportance.Normal, message);

    public void High(string message) => log.LogMessage(MessageImportance.High, message);

    public void Report(MicroPromptDiagnostic d)
    {
        var file = d.File ?? "";
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, d.Code, null, file, d.Line, d.Column, 0, 0, d.Message);
                break;
            default:
                log.LogMessage(null, d.Code, null, file, d.Line, d.Column, 0, 0, MessageImportance.Normal, d.Message);
                break;
        }
    }
}
