using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

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
            throw new MicroPromptException(VerificationMessages.JailUnavailable(tools.Why));
        }

        options.OnDiagnostic?.Invoke(VerificationMessages.SandboxNotIsolated(tools.Why));
        return null;
    }
}
