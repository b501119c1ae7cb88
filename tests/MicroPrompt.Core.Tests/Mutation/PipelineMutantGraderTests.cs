using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Generation;
using MicroPrompt.Mutation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Mutation;

/// <summary>Every status through the build's own verification: real Roslyn compiles, real examples in the harness.</summary>
public sealed class PipelineMutantGraderTests : IDisposable
{
    private const string Code = """
        namespace Acme.Counting;

        public static class Counter
        {
            public static long CountTo(int n)
            {
                long i = 0;
                while (i != n)
                {
                    i++;
                }

                return i;
            }
        }
        """;

    private const string Prompt = """
        # Counter

        Count from 0 up to n and return the count.

        ## Examples
        ```csharp
        Counter.CountTo(3) == 3
        ```
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Mutants_are_killed_time_out_or_do_not_compile_and_grading_goes_on_after_a_timeout()
    {
        using var runner = new ExampleRunner(new ExampleRunnerOptions { HostAssemblyPath = Host, Timeout = TimeSpan.FromSeconds(2), StopAtFirstFailure = true });
        var verifier = new CodeGenerator(_ => throw new InvalidOperationException("no model"), Checker, examples: runner);
        var parsed = PromptParser.Parse(Path.Combine(_project.Directory, "Counter.mprompt"), Prompt);
        var request = new GenerationRequest
        {
            Prompt = parsed.Document!, ItemPath = "Counter.mprompt", Namespace = "Acme.Counting", Model = "mutation", Project = _project.Context(),
        };

        var report = await new MutationTester(new PipelineMutantGrader(verifier, request)).RunAsync("Counter.mprompt", Code, MutantFinder.Find(Code), CancellationToken.None);

        var status = report.Results.ToDictionary(r => $"{r.Mutant.Mutator}: {r.Mutant.Description}", r => r.Status);
        Assert.Equal(MutantStatus.Timeout, status["statement: `i++;` removed"]);          // the loop never ends
        Assert.Equal(MutantStatus.Timeout, status["update: `i++` → `i--`"]);              // a long counts down for ever
        Assert.Equal(MutantStatus.CompileError, status["statement: `return i;` removed"]); // CS0161: not all code paths return
        Assert.Equal(MutantStatus.Killed, status["conditional: `i != n` → `!(i != n)`"]);
        Assert.Equal(MutantStatus.Killed, status["equality: `i != n` → `i == n`"]);
        Assert.Equal(MutantStatus.Killed, report.Results.Single(r => r.Mutant.Mutator == "block").Status); // { return default!; }
        Assert.Equal(0, report.Survived);
        Assert.Equal(1.0, report.Score());
        Assert.Contains("did not finish within 2 s", report.Results.First(r => r.Status == MutantStatus.Timeout).Detail);
        Assert.Contains("Counter.g.cs", report.Results.Single(r => r.Status == MutantStatus.CompileError).Detail);
    }
}
