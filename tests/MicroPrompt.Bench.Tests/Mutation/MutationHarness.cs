using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Mutation;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>
/// Grades the mutants of a task's reference solution through the pipeline the grader-validity tests use (the build's
/// verification: Roslyn compile check, then the task's examples in the jail), on one harness of its own whose time
/// limit is short: the tester warms the harness after every timeout, so a correct example never comes near it, while
/// a mutant stuck in a loop costs seconds, not the suite's 20.
/// </summary>
public sealed class MutationHarness : IDisposable
{
    /// <summary>The time limit of one example of a mutant.</summary>
    public static readonly TimeSpan ExampleTimeout = TimeSpan.FromSeconds(5);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-mutation-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ExampleRunner _runner;
    private readonly CodeGenerator _verifier;
    private readonly ProjectContext _project;

    public MutationHarness()
    {
        Directory.CreateDirectory(Path.Combine(_root, "project"));
        _project = BenchProject.Context(Path.Combine(_root, "project"));
        // The jail's CPU limit counts all the examples a harness process ever ran (30 time limits by default): one
        // harness grades hundreds of mutants, so it gets an hour, or a busy harness would die as if a mutant crashed it.
        var limits = BenchProject.RunnerOptions(_root).DefaultJailLimits with { CpuSeconds = 3600 };
        _runner = new ExampleRunner(BenchProject.RunnerOptions(_root, timeout: ExampleTimeout, stopAtFirstFailure: true, jailLimits: limits));
        _verifier = new CodeGenerator(NoModel, new RoslynCompileChecker(), examples: _runner);
    }

    /// <summary>Every mutant of the task's reference solution, in order.</summary>
    internal static IReadOnlyList<Mutant> Mutants(BenchTask task) => MutantFinder.Find(Reference(task).Code);

    internal static BenchSolution Reference(BenchTask task) => BenchLayout.Solution($"{task.Id}.{BenchSolution.ReferenceSlug}");

    /// <summary>Grades <paramref name="mutants"/> of the task's reference solution.</summary>
    internal Task<MutationReport> RunAsync(BenchTask task, IReadOnlyList<Mutant> mutants, Action<MutantResult>? progress = null)
    {
        var request = new GenerationRequest
        {
            Prompt = task.Document,
            ItemPath = task.ItemPath,
            Namespace = task.Namespace,
            Model = "bench-mutant",
            Project = _project,
            Repair = RepairMode.None,
            MaxPasses = 1,
        };
        var tester = new MutationTester(new PipelineMutantGrader(_verifier, request)) { OnResult = progress };
        return tester.RunAsync(task.ItemPath, Reference(task).Code, mutants, CancellationToken.None);
    }

    public void Dispose()
    {
        _runner.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static IChatClient NoModel(string model) => throw new InvalidOperationException("Mutants are verified, never generated.");
}
