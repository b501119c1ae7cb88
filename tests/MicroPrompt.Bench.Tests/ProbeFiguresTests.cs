using System.Diagnostics;
using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Dependability;
using MicroPrompt.Dependability.Probes;
using MicroPrompt.Prompts;
using Xunit.Abstractions;

namespace MicroPrompt.Bench.Tests;

/// <summary>
/// Probes on the bench's file and bug-fix tasks (the API tasks need their mock services, which only their examples
/// start): identical samples of a reference solution never disagree (the rendering is deterministic), and probes alone
/// tell most wrong solutions from the reference. Prints probe inputs and time per item (the figures of docs/probes.md).
/// </summary>
public sealed class ProbeFiguresTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Folders = ["FileData", "BugFix"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-bench-probes-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Identical_reference_samples_never_disagree_and_probes_tell_most_wrong_solutions_apart()
    {
        Directory.CreateDirectory(Path.Combine(_root, "project"));
        var project = BenchProject.Context(Path.Combine(_root, "project"));
        using var comparer = new ProbeComparer(BenchProject.RunnerOptions(_root));
        var samples = int.TryParse(Environment.GetEnvironmentVariable("MP_PROBE_SAMPLES"), out var n) ? n : 2;
        var told = new List<string>();
        var untold = new List<string>();
        foreach (var task in BenchLayout.Tasks.Where(t => Folders.Contains(t.Folder)))
        {
            var subject = new ProbeSubject { ItemPath = task.ItemPath, Prompt = task.Document, Namespace = task.Namespace, Project = project };
            var reference = BenchLayout.Solution($"{task.Id}.{BenchSolution.ReferenceSlug}").Code;
            var (compile, run) = (comparer.CompileTime, comparer.RunTime);
            var clock = Stopwatch.StartNew();

            // A comment per sample: different code, so each sample is compiled and run (the comparer reuses identical code).
            var ambiguities = await comparer.FindAmbiguitiesAsync(subject, [.. Enumerable.Range(1, samples).Select(i => new SampleCode(i, reference + $"\n// sample {i}\n"))], CancellationToken.None);
            clock.Stop();
            output.WriteLine($"{task.Id} ({task.Document.Kind}): {comparer.LastProbeCount} probes, {samples} samples, {clock.ElapsedMilliseconds} ms "
                + $"(compile {(comparer.CompileTime - compile).TotalMilliseconds:0} ms, run {(comparer.RunTime - run).TotalMilliseconds:0} ms)");
            Assert.True(ambiguities.Count == 0, $"{task.Id}: identical samples disagree: {string.Join("; ", ambiguities.Select(AmbiguityText.Describe))}");
            Assert.InRange(comparer.LastProbeCount, 0, 40);

            foreach (var wrong in BenchLayout.Solutions.Where(s => s.TaskId == task.Id && s.IsWrong))
            {
                var disagreement = await comparer.FindDisagreementAsync(subject, reference, wrong.Code, CancellationToken.None);
                (disagreement is null ? untold : told).Add(disagreement is null ? wrong.Id : $"{wrong.Id}: {disagreement.Input} → {disagreement.OriginalOutcome} vs {disagreement.VariantOutcome}");
            }
        }

        output.WriteLine($"told apart by probes: {told.Count}/{told.Count + untold.Count}");
        told.ForEach(output.WriteLine);
        untold.ForEach(u => output.WriteLine("not told apart: " + u));
        Assert.True(told.Count * 2 > told.Count + untold.Count, "probes should tell most wrong solutions from the reference");
        Assert.Contains("BugFix/PageCount.wrong-original: Paging.PageCount(0, 1) → 0 vs 1", told);
        Assert.Contains(told, t => t.StartsWith("FileData/CsvLine.wrong-naive-split: CsvLine.Split(\"a,\\\"b,c\\\";d=e=f\")", StringComparison.Ordinal));
        Assert.Contains("FileData/CsvColumnSum.wrong-exit-codes: args: [], stdin: \"\" → exit 2 vs exit 0, stdout \"\"", told);
    }
}
