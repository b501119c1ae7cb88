namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The messages of running an item's examples: the harness (MP2008) and the sandbox (MP2050, MP2051).</summary>
internal static class VerificationMessages
{
    private const string HowToGetTheJail =
        "To run them jailed install bubblewrap on Linux (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap) "
        + "and allow user namespaces (see docs/examples.md).";

    public static MicroPromptDiagnostic ExamplesNotRun(string why) => MicroPromptDiagnostic.Error(DiagnosticCodes.ExamplesNotRun,
        $"The examples could not be run: {why}. Set MicroPromptRunExamples=false to build without running them.");

    public static MicroPromptDiagnostic JailUnavailable(string? why) => MicroPromptDiagnostic.Error(DiagnosticCodes.JailUnavailable,
        $"MicroPromptSandbox is 'jail' but the jail is not available: {why}. {HowToGetTheJail} "
        + "Or set MicroPromptSandbox to 'auto' or 'process' to run examples with process isolation only.");

    public static MicroPromptDiagnostic SandboxNotIsolated(string? why) => MicroPromptDiagnostic.Warning(DiagnosticCodes.SandboxNotIsolated,
        $"Examples of generated code run with process isolation only, not in a jail: {why}. They can read your "
        + "files (home folder, repository, NuGet folders, credential files), write wherever you can, start processes and "
        + $"reach the network. {HowToGetTheJail} Set MicroPromptSandbox=process to accept this without the warning, "
        + "or MicroPromptSandbox=jail to make it an error.");
}
