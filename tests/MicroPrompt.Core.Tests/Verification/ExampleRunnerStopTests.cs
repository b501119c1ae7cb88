using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Verification;

/// <summary>What mutation runs need of the harness: a timeout is flagged as one, and the examples can stop at the first failure.</summary>
public sealed class ExampleRunnerStopTests : IDisposable
{
    private const string Code = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text) => text.ToLowerInvariant();

            public static int Forever() { while (true) { } }
        }
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task A_timeout_is_flagged_and_with_StopAtFirstFailure_the_later_examples_are_not_run()
    {
        using var runner = new ExampleRunner(new ExampleRunnerOptions { HostAssemblyPath = Host, Timeout = TimeSpan.FromSeconds(2), StopAtFirstFailure = true });

        var report = await runner.RunAsync(Request(_project, Code,
        [
            Expr("Slug.Make(\"A\") == \"a\""),
            Expr("Slug.Forever() == 1"),
            Expr("Slug.Forever() == 2"),
            Expr("Slug.Make(\"B\") == \"b\""),
        ]), CancellationToken.None);

        Assert.Equal([true, false, false, false], report.Results.Select(r => r.Passed));
        Assert.Equal([false, true, false, false], report.Results.Select(r => r.TimedOut));
        Assert.Equal("not run: an earlier example failed.", report.Results[2].Message);
        Assert.Equal(4, report.Total);
        Assert.Equal(1, runner.HarnessStarts); // the killed harness is not restarted for examples that do not run
    }

    [Fact]
    public async Task Without_StopAtFirstFailure_every_example_runs_and_a_plain_failure_is_no_timeout()
    {
        using var runner = new ExampleRunner(Options());

        var report = await runner.RunAsync(Request(_project, Code, [Expr("Slug.Make(\"A\") == \"A\""), Expr("Slug.Make(\"B\") == \"b\"")]), CancellationToken.None);

        Assert.Equal([false, true], report.Results.Select(r => r.Passed));
        Assert.Equal([false, false], report.Results.Select(r => r.TimedOut));
    }
}
