using MicroPrompt.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Verification;

namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>
/// One example harness, compile checker and temp project for the whole test collection (one harness process for all
/// tasks, as in a real build). Grades a solution exactly as the SDK grades a model's reply: the solution is the reply
/// of a scripted chat client, generated with <see cref="RepairMode.None"/> (one pass).
/// </summary>
public sealed class BenchHarness : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-bench-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ExampleRunner _runner;
    private readonly RoslynCompileChecker _checker = new();

    public BenchHarness()
    {
        Directory.CreateDirectory(Path.Combine(_root, "project"));
        Project = BenchProject.Context(Path.Combine(_root, "project"));
        _runner = new ExampleRunner(BenchProject.RunnerOptions(_root));
    }

    internal ProjectContext Project { get; }

    /// <summary>Generates <paramref name="task"/> with <paramref name="solution"/> as the model's only reply.</summary>
    internal async Task<GenerationOutcome> GradeAsync(BenchTask task, BenchSolution solution)
    {
        var request = new GenerationRequest
        {
            Prompt = task.Document,
            ItemPath = task.ItemPath,
            Namespace = task.Namespace,
            Model = "bench-solution",
            Project = Project,
            Repair = RepairMode.None,
            MaxPasses = 1,
        };
        using var client = new ScriptedReplyClient("```csharp\n" + solution.Code.TrimEnd() + "\n```\n");
        var generator = new CodeGenerator(_ => client, _checker, examples: _runner);
        return await generator.GenerateAsync(request, CancellationToken.None);
    }

    public void Dispose()
    {
        _runner.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
