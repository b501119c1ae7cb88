using System.Globalization;
using System.Text;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Writes the example that pins a probe's outcome, in the <c>## Examples</c> syntax (docs/examples.md): for a library
/// a boolean expression line (<c>Slug.Make("a_b") == "a_b"</c>, <c>double.IsNaN(…)</c>, <c>… is null</c>,
/// <c>….SequenceEqual(new[] { … })</c>, <c>… is { X: 1 }</c>), or a statement block (<c>Assert.Throws&lt;T&gt;(() =&gt; …);</c>,
/// a call that completes); for a program a YAML block (<c>args</c>, <c>stdin</c>, <c>stdout</c> when it exits with 0, <c>exit</c>).
/// Empty when the outcome cannot be pinned (a timeout, a crash, a program's unhandled exception).
/// </summary>
internal static class ProbeExampleWriter
{
    /// <param name="exactException">Another outcome throws too: check the exact type, since <c>Assert.Throws</c> accepts subclasses.</param>
    public static string Write(Probe probe, ProbeOutcome outcome, bool exactException)
    {
        if (!outcome.Pinnable)
        {
            return "";
        }

        if (probe.Program is { } input)
        {
            return outcome.Kind == ProbeOutcomeKind.Value ? ProgramExample(input, outcome) : "";
        }

        var isAsync = probe.Call is ProbeCall.Task or ProbeCall.TaskOfValue;
        if (outcome.Kind == ProbeOutcomeKind.Threw)
        {
            var type = outcome.Pin!;
            var assertion = isAsync
                ? $"await Assert.ThrowsAsync<{type}>(() => {probe.Code})"
                : $"Assert.Throws<{type}>(() => {probe.Code})";
            return exactException
                ? $"var error = {assertion};\nAssert.Equal(typeof({type}), error.GetType());"
                : assertion + ";";
        }

        if (outcome.Pin is not { } pin)
        {
            return "";
        }

        var hole = probe.Call switch
        {
            ProbeCall.TaskOfValue => $"(await {probe.Code})",
            ProbeCall.Task => $"await {probe.Code}",
            _ => probe.Code,
        };
        return pin.Replace(ProbeRenderer.Hole.ToString(), hole, StringComparison.Ordinal);
    }

    private static string ProgramExample(ProgramInput input, ProbeOutcome outcome)
    {
        var yaml = new StringBuilder();
        yaml.Append("args: ").Append(input.YamlArgs()).Append('\n');
        yaml.Append("stdin: ").Append(ProgramInput.YamlString(input.Stdin)).Append('\n');
        if (outcome.Stdout is { } stdout)
        {
            yaml.Append("stdout: ").Append(ProgramInput.YamlString(stdout)).Append('\n');
        }

        yaml.Append("exit: ").Append((outcome.ExitCode ?? 0).ToString(CultureInfo.InvariantCulture));
        return yaml.ToString();
    }
}
