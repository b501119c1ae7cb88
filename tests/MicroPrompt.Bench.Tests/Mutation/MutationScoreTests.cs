using System.Diagnostics;
using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Mutation;
using Xunit.Abstractions;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>
/// The bench's examples as a grader, measured by the mutation score of each task's reference solution: mutants that
/// compile and that the examples do not reject are survivors. Every test run grades a fixed slice (one in
/// <see cref="Slices"/>, by a stable hash of each mutant's key) of every task's mutants and fails on a survivor that
/// is neither recorded in <c>scores.json</c> nor marked in <c>equivalent.json</c>; the full run
/// (<c>samples/run-mutation.sh</c>) grades them all, prints the table and the survivors, and fails when a task falls
/// below its recorded score.
/// </summary>
[Collection(MutationCollection.Name)]
public sealed class MutationScoreTests(MutationHarness harness, ITestOutputHelper output)
{
    /// <summary>Each test run grades one slice in this many (the full run all of them).</summary>
    public const int Slices = 8;

    public static TheoryData<string> Tasks() => [.. BenchLayout.Tasks.Select(t => t.Id)];

    [Fact]
    public void Every_task_has_a_recorded_score_and_every_equivalent_mutant_exists_with_a_reason()
    {
        var record = MutationRecord.Load();
        var missing = BenchLayout.Tasks.Where(t => record.For(t.Id) is null).Select(t => t.Id).ToList();
        Assert.True(missing.Count == 0, $"{MutationRecord.FilePath} has no score for: {string.Join(", ", missing)} (run samples/run-mutation.sh with MICROPROMPT_MUTATION_RECORD=1)");

        foreach (var entry in EquivalentMutant.Load())
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"{entry.Task} `{entry.Mutant}`: an equivalent mutant needs a reason");
            var task = BenchLayout.Task(entry.Task);
            var mutant = MutationHarness.Mutants(task).FirstOrDefault(m => m.Key == entry.Mutant);
            Assert.True(mutant is not null, $"{entry.Task}: no mutant has the key `{entry.Mutant}` any more: update {EquivalentMutant.FilePath}");
            Assert.Equal(entry.Line, mutant.Line);
        }
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task No_new_surviving_mutant_in_the_tested_slice(string taskId)
    {
        var task = BenchLayout.Task(taskId);
        var recorded = MutationRecord.Load().For(taskId);
        Assert.NotNull(recorded);
        var known = EquivalentMutant.For(EquivalentMutant.Load(), taskId).Concat(recorded.Survivors).ToHashSet(StringComparer.Ordinal);
        var slice = MutantSelection.Slice(MutationHarness.Mutants(task), 0, Slices);

        var report = await harness.RunAsync(task, slice);

        var code = MutationHarness.Reference(task).Code;
        var fresh = report.Survivors(known).ToList();
        output.WriteLine($"{taskId}: {slice.Count} mutants graded, {report.Killed} killed, {report.Timeouts} timed out, {report.Survived} survived, {report.CompileErrors} compile errors.");
        Assert.True(fresh.Count == 0,
            $"{taskId}: the examples no longer notice {fresh.Count} mutant(s) of the reference solution (recorded score {recorded.Score:P1}):\n"
            + string.Concat(fresh.Select(r => MutationTable.Survivor(r.Mutant, code))));
    }

    [FullMutationRunFact]
    public async Task Full_run_every_task_keeps_its_recorded_score()
    {
        var record = MutationRecord.Load();
        var equivalent = EquivalentMutant.Load();
        var artifacts = Path.Combine(BenchLayout.RepoRoot, "artifacts", "mutation");
        Directory.CreateDirectory(artifacts);
        var progress = Path.Combine(artifacts, "progress.log");
        File.WriteAllText(progress, "");
        var clock = Stopwatch.StartNew();
        var scores = new List<TaskScore>();
        var runs = new Dictionary<string, (string, MutationReport, IReadOnlySet<string>)>(StringComparer.Ordinal);
        foreach (var task in BenchLayout.Tasks)
        {
            var taskClock = Stopwatch.StartNew();
            var marked = EquivalentMutant.For(equivalent, task.Id);
            var report = await harness.RunAsync(task, MutationHarness.Mutants(task));
            var score = MutationTable.Score(task.Id, report, marked);
            scores.Add(score);
            runs[task.Id] = (MutationHarness.Reference(task).Code, report, marked);
            File.AppendAllText(progress, $"{task.Id}: {score.Mutants} mutants, {score.CompileErrors} compile errors, {score.Timeouts} timeouts, score {score.Score:P1} ({taskClock.Elapsed.TotalSeconds:0.0} s)\n");
        }

        clock.Stop();
        var suite = MutationTable.Suite(scores);
        var markdown = MutationTable.Markdown(scores, suite, runs, clock.Elapsed);
        File.WriteAllText(Path.Combine(artifacts, "mutation-report.md"), markdown);
        var measured = new MutationRecord(MutationHarness.ExampleTimeout.TotalSeconds, suite, scores);
        measured.Save(Path.Combine(artifacts, "scores.json"));
        if (Environment.GetEnvironmentVariable("MICROPROMPT_MUTATION_RECORD") == "1")
        {
            measured.Save(MutationRecord.FilePath);
        }

        output.WriteLine(markdown);
        var fallen = scores.Where(s => record.For(s.Task) is { } before && s.Score < before.Score - 1e-9)
            .Select(s => $"{s.Task}: {s.Score:P1} < recorded {record.For(s.Task)!.Score:P1}").ToList();
        Assert.True(fallen.Count == 0, "tasks below their recorded mutation score (survivors in artifacts/mutation/mutation-report.md):\n" + string.Join("\n", fallen));
    }
}
