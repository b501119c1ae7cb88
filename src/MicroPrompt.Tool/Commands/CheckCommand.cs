using System.Globalization;
using MicroPrompt.Dependability;
using MicroPrompt.Diagnostics;
using MicroPrompt.Reporting;
using MicroPrompt.Resolution;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt check [items…] --samples N [--temperature T] [--mutants] [--json]</c>: the dependability check
/// (<see cref="DependabilityRun"/>, the build's own core) with the project's settings from its inputs: N independent
/// generations per item, graded as in a build and cached per sample; the least dependable items first. It never
/// changes the lock or the resolved code. Exit 0 when every item is at or above the minimum (or there is none),
/// 3 when one is below it, 2 on errors (bad arguments, a locked check with uncached samples, a provider failure).
/// </summary>
public sealed class CheckCommand : AsyncCommand<CheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var check = Settings(inputs, settings);
        var minimum = Minimum(inputs, settings);
        var outcome = await Check(inputs, check, minimum, cancellationToken).ConfigureAwait(false);
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(Json(inputs, outcome));
        }
        else
        {
            Describe(output, outcome);
        }

        return ExitCode(outcome);
    }

    /// <summary>The check's settings: options first, then the project's properties, then the defaults.</summary>
    internal static DependabilitySettings Settings(ProjectInputs inputs, CheckSettings settings)
    {
        var problems = new List<MicroPromptDiagnostic>();
        var samples = settings.Samples ?? (string.IsNullOrWhiteSpace(inputs.Parameters.CheckSamples) || inputs.Parameters.CheckSamples.Trim() == "0" ? "5" : inputs.Parameters.CheckSamples);
        var parsed = DependabilitySettings.Parse(
            samples,
            settings.Temperature ?? inputs.Parameters.CheckTemperature,
            settings.Mutants ? "true" : inputs.Parameters.CheckMutants,
            problems,
            settings.Samples is null ? "MicroPromptCheckSamples" : "--samples",
            settings.Temperature is null ? "MicroPromptCheckTemperature" : "--temperature");
        if (problems.FirstOrDefault() is { } problem)
        {
            throw new ToolException($"{problem.Code}: {problem.Message}");
        }

        if (parsed is null)
        {
            throw new ToolException($"{DiagnosticCodes.CheckSamplesInvalid}: --samples is 0; a check needs at least one sample per item.");
        }

        var items = settings.Items.Length == 0 ? null : settings.Items.Select(i => ItemArgument.Resolve(inputs, i).ItemPath).ToHashSet(StringComparer.Ordinal);
        return new DependabilitySettings { Samples = parsed.Samples, Temperature = parsed.Temperature, Mutants = parsed.Mutants, Items = items };
    }

    private static double? Minimum(ProjectInputs inputs, CheckSettings settings)
    {
        if (settings.Minimum is null)
        {
            return inputs.Settings.MinDependability;
        }

        var problems = new List<MicroPromptDiagnostic>();
        var minimum = DependabilitySettings.ParseMinimum(settings.Minimum, problems);
        return problems.FirstOrDefault() is { } problem ? throw new ToolException($"{problem.Code}: {problem.Message.Replace("MicroPromptMinDependability", "--min", StringComparison.Ordinal)}") : minimum;
    }

    /// <summary>Resolves with generation off (the code each item resolves to, else its stub), then runs the check.</summary>
    internal static async Task<DependabilityOutcome> Check(ProjectInputs inputs, DependabilitySettings check, double? minimum, CancellationToken cancellationToken)
    {
        var settings = inputs.Settings;
        // .g.cs files of this run go to a temporary folder: the next build writes the project's own.
        var output = Path.Combine(Path.GetTempPath(), "mprompt-check-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var options = settings.Options with { OutputDirectory = output, DesignTime = true };
            var resolver = new PromptResolver(options, () => throw new InvalidOperationException("A design-time resolution generates nothing."));
            var resolved = await resolver.ResolveAsync(settings.Items, cancellationToken).ConfigureAwait(false);
            var outcome = await DependabilityRun.RunAsync(settings, check, resolved, minimum, cancellationToken: cancellationToken).ConfigureAwait(false);
            var parseErrors = resolved.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            return outcome with { Diagnostics = [.. parseErrors, .. outcome.Diagnostics] };
        }
        catch (MicroPromptException ex)
        {
            throw new ToolException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    internal static CheckJson Json(ProjectInputs inputs, DependabilityOutcome outcome)
    {
        var s = outcome.Section;
        return new CheckJson(inputs.ProjectFile, s.Samples, s.Temperature, s.Mutants, s.MinDependability, s.BelowMinimum, s.NewSamples, s.CachedSamples, s.Items,
            outcome.Diagnostics.Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}").ToList());
    }

    internal static void Describe(ToolOutput output, DependabilityOutcome outcome)
    {
        var s = outcome.Section;
        output.Line(DependabilitySummary.Lines(s, maxItems: 0)[0]);
        output.Table(
            ["Item", "Model", "Correct", "Lower bound", "p@1..p@k", "Cost per correct", "Ambiguities"],
            s.Items.Select(i => (IReadOnlyList<string>)
            [
                i.Path, i.Model, $"{i.Correct}/{i.Samples}", i.LowerBound.ToString("0.000", CultureInfo.InvariantCulture),
                string.Join(" / ", i.PassAt.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture))),
                ReportFormat.Dollars(i.CostPerCorrect), i.Ambiguities.Count.ToString(CultureInfo.InvariantCulture),
            ]));
        foreach (var item in s.Items)
        {
            foreach (var a in item.Ambiguities)
            {
                output.Line($"{item.Path}: ambiguous `{a.Input}`: {string.Join(", ", a.Outcomes.Select(o => $"{o.Count} sample(s) {o.Outcome}"))}; pin it with: {a.SuggestedExample}");
            }

            foreach (var m in item.ExampleStrength?.Survivors ?? [])
            {
                output.Line($"{item.Path}: line {m.Line}: your examples do not notice if `{m.Original}` becomes `{m.Mutated}`{(m.SuggestedExample is null ? "" : "; add: " + m.SuggestedExample)}");
            }
        }

        foreach (var d in outcome.Diagnostics)
        {
            output.Line($"{d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}");
        }
    }

    internal static int ExitCode(DependabilityOutcome outcome) =>
        outcome.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? ExitCodes.Error
        : outcome.BelowMinimum ? ExitCodes.BelowMinimum
        : ExitCodes.NothingToDo;
}
