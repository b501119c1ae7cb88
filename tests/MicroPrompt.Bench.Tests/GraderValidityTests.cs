using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Verification;

namespace MicroPrompt.Bench.Tests;

/// <summary>
/// Every task's examples tell right from wrong: the reference solution, sent as a model's reply through the real
/// pipeline, compiles and passes every example; every wrong solution does not compile or fails an example.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class GraderValidityTests(BenchHarness harness)
{
    public static TheoryData<string> Tasks() => [.. BenchLayout.Tasks.Select(t => t.Id)];

    public static TheoryData<string> WrongSolutions() => [.. BenchLayout.Solutions.Where(s => s.IsWrong).Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Reference_solution_passes_every_example(string task)
    {
        var bench = BenchLayout.Task(task);
        var reference = BenchLayout.Solution($"{task}.{BenchSolution.ReferenceSlug}");

        var outcome = await harness.GradeAsync(bench, reference);

        Assert.True(outcome.Status == GenerationStatus.Succeeded, $"{reference.Id}: {outcome.Status} {outcome.FailureMessage}\n{string.Join("\n", outcome.LastErrors)}");
        var runnable = bench.Document.Examples.Count(e => ExampleRunner.IsRunnable(e, bench.Document.Kind));
        Assert.Equal((runnable, runnable), (outcome.ExamplesPassed, outcome.ExamplesTotal));
        Assert.True(runnable >= 2);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(MicroPrompt.Verification.Jail.SandboxKind.Jail, outcome.Sandbox); // mTLS and OAuth2 mocks on the jail's loopback
        }

        // What the reference needs is what the task declares (the SDK warns with MP2020 otherwise).
        var undeclared = outcome.Capabilities.Where(c => !bench.Document.Capabilities.Contains(c.Capability)).ToList();
        Assert.True(undeclared.Count == 0, $"{reference.Id} uses undeclared capabilities: {string.Join(", ", undeclared.Select(u => $"{u.Capability} via {u}"))}");
    }

    [Theory]
    [MemberData(nameof(WrongSolutions))]
    public async Task Wrong_solution_fails(string solution)
    {
        var wrong = BenchLayout.Solution(solution);
        var bench = BenchLayout.Task(wrong.TaskId);

        var outcome = await harness.GradeAsync(bench, wrong);

        Assert.True(outcome.Status == GenerationStatus.Failed, $"{wrong.Id} was graded {outcome.Status}: the examples of {bench.ItemPath} cannot tell it from a right answer");
        Assert.Contains(outcome.FailureCode, new[] { DiagnosticCodes.GenerationFailed, DiagnosticCodes.ExamplesFailed });
        if (wrong.Slug == RequiredSlugs.MissingImport)
        {
            Assert.Equal(DiagnosticCodes.GenerationFailed, outcome.FailureCode); // a compile error, not a failing example
        }
    }
}
