using System.Globalization;
using System.Text;
using MicroPrompt.Mutation;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>The mutation report of a bench run: the score table (per task and the suite), then every survivor with its diff.</summary>
internal static class MutationTable
{
    public static TaskScore Score(string task, MutationReport report, IReadOnlySet<string> equivalent)
    {
        var marked = report.Results.Count(r => r.Status != MutantStatus.CompileError && equivalent.Contains(r.Mutant.Key));
        return new TaskScore(task, report.Mutants, report.Killed, report.Timeouts, report.Survived - SurvivingEquivalent(report, equivalent),
            report.CompileErrors, marked, Math.Round(report.Score(equivalent), 4), report.Survivors(equivalent).Select(r => r.Mutant.Key).ToList());
    }

    public static TaskScore Suite(IReadOnlyList<TaskScore> tasks)
    {
        var valid = tasks.Sum(t => t.Mutants - t.CompileErrors - t.Equivalent);
        var detected = tasks.Sum(t => t.Killed + t.Timeouts);
        return new TaskScore("suite", tasks.Sum(t => t.Mutants), tasks.Sum(t => t.Killed), tasks.Sum(t => t.Timeouts), tasks.Sum(t => t.Survived),
            tasks.Sum(t => t.CompileErrors), tasks.Sum(t => t.Equivalent), valid == 0 ? 1 : Math.Round((double)detected / valid, 4), []);
    }

    public static string Markdown(IReadOnlyList<TaskScore> tasks, TaskScore suite, IReadOnlyDictionary<string, (string Code, MutationReport Report, IReadOnlySet<string> Equivalent)> runs, TimeSpan wallTime)
    {
        var s = new StringBuilder();
        s.Append("# Bench mutation score\n\n");
        s.Append(CultureInfo.InvariantCulture, $"Wall time {wallTime.TotalSeconds:0} s; example time limit {MutationHarness.ExampleTimeout.TotalSeconds:0} s; score = (killed + timeout) / (mutants − compile errors − equivalent).\n\n");
        s.Append("| task | mutants | killed | timeout | survived | compile error | equivalent | score |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var t in tasks.Append(suite))
        {
            s.Append(CultureInfo.InvariantCulture, $"| {t.Task} | {t.Mutants} | {t.Killed} | {t.Timeouts} | {t.Survived} | {t.CompileErrors} | {t.Equivalent} | {t.Score:P1} |\n");
        }

        s.Append("\n## Survivors\n");
        foreach (var (task, run) in runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var survivors = run.Report.Survivors(run.Equivalent).ToList();
            if (survivors.Count == 0)
            {
                continue;
            }

            s.Append(CultureInfo.InvariantCulture, $"\n### {task} ({survivors.Count})\n\n");
            foreach (var survivor in survivors)
            {
                s.Append(Survivor(survivor.Mutant, run.Code));
            }
        }

        return s.ToString();
    }

    /// <summary>One survivor: its description, key and diff, as a fenced block.</summary>
    public static string Survivor(Mutant mutant, string code)
        => $"- {mutant.Mutator}: {mutant.Description} — key `{mutant.Key}`\n```diff\n{mutant.Diff(code)}```\n";

    private static int SurvivingEquivalent(MutationReport report, IReadOnlySet<string> equivalent)
        => report.Results.Count(r => r.Status == MutantStatus.Survived && equivalent.Contains(r.Mutant.Key));
}
