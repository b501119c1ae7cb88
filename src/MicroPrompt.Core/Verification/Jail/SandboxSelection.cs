using MicroPrompt.Diagnostics;

namespace MicroPrompt.Verification.Jail;

/// <summary>
/// Decides, once per build (per <see cref="ExampleRunnerOptions"/>) and only when an example is about to run, which
/// sandbox runs the examples: <c>process</c> as asked; the jail when it works; for <c>auto</c> without it, process
/// isolation and ONE warning (<c>MP2050</c>) saying what is not isolated; for <c>jail</c> without it, error <c>MP2051</c>.
/// </summary>
internal sealed class SandboxSelection
{
    private readonly Lazy<JailTools?> _decision;

    public SandboxSelection(ExampleRunnerOptions options)
        => _decision = new Lazy<JailTools?>(() => Decide(options), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The jail's tools, or null for process isolation.</summary>
    /// <exception cref="MicroPromptException">MP2051: the jail is required and not available.</exception>
    public JailTools? Jail => _decision.Value;

    private static JailTools? Decide(ExampleRunnerOptions options)
    {
        if (options.Sandbox == SandboxMode.Process)
        {
            return null;
        }

        var tools = JailProbe.Probe(options.BubblewrapPath);
        if (tools.Available)
        {
            return tools;
        }

        if (options.Sandbox == SandboxMode.Jail)
        {
            throw new MicroPromptException(MicroPromptDiagnostic.Error(
                DiagnosticCodes.JailUnavailable,
                $"MicroPromptSandbox is 'jail' but the jail is not available: {tools.Why}. {HowToGetTheJail} "
                + "Or set MicroPromptSandbox to 'auto' or 'process' to run examples with process isolation only."));
        }

        options.OnDiagnostic?.Invoke(MicroPromptDiagnostic.Warning(
            DiagnosticCodes.SandboxNotIsolated,
            $"Examples of generated code run with process isolation only, not in a jail: {tools.Why}. They can read your "
            + "files (home folder, repository, NuGet folders, credential files), write wherever you can, start processes and "
            + $"reach the network. {HowToGetTheJail} Set MicroPromptSandbox=process to accept this without the warning, "
            + "or MicroPromptSandbox=jail to make it an error."));
        return null;
    }

    private const string HowToGetTheJail =
        "To run them jailed install bubblewrap on Linux (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap) "
        + "and allow user namespaces (see docs/examples.md).";
}
