using System.Diagnostics;
using System.Reflection;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Verification;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using Xunit.Abstractions;

namespace MicroPrompt.Core.Tests.Bench;

/// <summary>
/// Grader validity of samples/Bench/Api: each task's examples (real Kestrel mock services of samples/Bench.Support, run
/// in the harness on the ASP.NET Core shared framework) pass with its reference solution and fail with every wrong one
/// (tests/MicroPrompt.Bench.Tests/Solutions/Api/&lt;Task&gt;.reference.cs / .wrong-*.cs).
/// </summary>
public sealed class BenchApiSolutionTests(BenchApiSolutionTests.Harness harness, ITestOutputHelper output) : IClassFixture<BenchApiSolutionTests.Harness>
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string SolutionsDirectory = Path.Combine(RepoRoot, "tests", "MicroPrompt.Bench.Tests", "Solutions", "Api");
    private static readonly string TasksDirectory = Path.Combine(RepoRoot, "samples", "Bench", "Api");

    public static TheoryData<string> Solutions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SolutionsDirectory, "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Every_api_task_has_a_reference_a_hardcoded_and_a_credentials_solution()
    {
        var tasks = Directory.GetFiles(TasksDirectory, "*.mprompt").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(14, tasks.Count);
        foreach (var task in tasks)
        {
            var solutions = Directory.GetFiles(SolutionsDirectory, task + ".*.cs").Select(f => Path.GetFileName(f)[(task!.Length + 1)..^3]).ToList();
            Assert.Contains("reference", solutions);
            Assert.Contains("wrong-hardcoded", solutions);
            Assert.True(solutions.Count(s => s.StartsWith("wrong-", StringComparison.Ordinal)) >= 2, $"{task}: {string.Join(", ", solutions)}");
            var document = PromptParser.ParseFile(Path.Combine(TasksDirectory, task + ".mprompt")).Document!;
            Assert.Contains("api", document.Tags);
            Assert.Contains("network", document.Capabilities);
            if (document.Tags.Contains("pem") && document.Contract!.Contains("Path", StringComparison.Ordinal) || document.Tags.Contains("pkcs12"))
            {
                Assert.Contains("filesystem", document.Capabilities);
            }

            if (document.Tags.Contains("pem"))
            {
                Assert.Contains("wrong-contents-for-path", solutions);
                Assert.Contains("wrong-no-server-check", solutions);
            }

            if (document.Tags.Contains("pkcs12"))
            {
                Assert.Contains("wrong-missing-import", solutions);
                Assert.Contains("wrong-no-server-check", solutions);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Solutions))]
    public async Task A_reference_passes_every_example_and_a_wrong_solution_fails_one(string solution)
    {
        var task = solution[..solution.IndexOf('.', StringComparison.Ordinal)];
        var report = await RunAsync(harness.Runner, task, File.ReadAllText(Path.Combine(SolutionsDirectory, solution)));
        foreach (var result in report.Results)
        {
            output.WriteLine($"{(result.Passed ? "pass" : "FAIL")} line {result.Example.Span.Line}: {result.Message}");
        }

        Assert.True(report.Total >= 2, "too few examples");
        if (solution.Contains(".reference.", StringComparison.Ordinal))
        {
            Assert.True(report.Passed == report.Total, string.Join("\n", report.Results.Where(r => !r.Passed).Select(r => r.Message)));
        }
        else
        {
            Assert.True(report.Passed < report.Total, "the wrong solution passed every example");
        }
    }

    [Fact]
    public async Task Without_the_AspNetCore_framework_the_mock_services_cannot_load()
    {
        using var runner = new ExampleRunner(Harness.Options(aspNetCore: false));
        var report = await RunAsync(runner, "BearerAccountName", File.ReadAllText(Path.Combine(SolutionsDirectory, "BearerAccountName.reference.cs")));

        Assert.Equal(0, report.Passed);
        Assert.Contains("Microsoft.AspNetCore", report.Results[0].Message);
    }

    private static async Task<ExampleRunReport> RunAsync(ExampleRunner runner, string task, string code)
    {
        var promptFile = Path.Combine(TasksDirectory, task + ".mprompt");
        var document = PromptParser.ParseFile(promptFile).Document!;
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync(new ExampleRunRequest
        {
            ItemPath = "Api/" + task + ".mprompt",
            PromptFile = promptFile,
            Code = code,
            Namespace = "Bench.Api",
            Project = Harness.Project,
            Examples = document.Examples,
        }, CancellationToken.None);
        Console.WriteLine($"[bench-api] {task}: {report.Passed}/{report.Total} in {watch.ElapsedMilliseconds} ms");
        return report;
    }

    private static string Metadata(string key) => typeof(BenchApiSolutionTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    /// <summary>One harness (on Microsoft.AspNetCore.App) for every solution.</summary>
    public sealed class Harness : IDisposable
    {
        public static readonly string SupportAssembly = Metadata("BenchSupportPath");

        public static ProjectContext Project { get; } = new()
        {
            ProjectDirectory = TasksDirectory,
            RootNamespace = "Bench",
            TargetFramework = "net10.0",
            Nullable = "enable",
            ImplicitUsings = true,
            GlobalUsings = [new GlobalUsing("MicroPrompt.Bench.Support")],
            ReferencePaths = [.. TestReferences.All, .. AspNetCoreReferences(), SupportAssembly],
        };

        public ExampleRunner Runner { get; } = new(Options(aspNetCore: true));

        public static ExampleRunnerOptions Options(bool aspNetCore) => new()
        {
            HostAssemblyPath = ExampleHostPaths.Host,
            Timeout = TimeSpan.FromSeconds(20),
            AspNetCore = aspNetCore,
            RuntimeReferencePaths = [SupportAssembly],
        };

        public void Dispose() => Runner.Dispose();

        /// <summary>The newest Microsoft.AspNetCore.App.Ref pack beside the NETCore one the other tests compile against.</summary>
        private static IEnumerable<string> AspNetCoreReferences()
        {
            // <root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/<tfm>/System.Runtime.dll
            var tfmDirectory = Path.GetDirectoryName(TestReferences.All[0])!;
            var tfm = Path.GetFileName(tfmDirectory);
            var packs = Path.GetFullPath(Path.Combine(tfmDirectory, "..", "..", "..", ".."));
            var pack = Path.Combine(packs, "Microsoft.AspNetCore.App.Ref");
            var version = Directory.GetDirectories(pack)
                .Where(d => Directory.Exists(Path.Combine(d, "ref", tfm)))
                .OrderByDescending(d => NuGet.Versioning.NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null)
                .First();
            return Directory.GetFiles(Path.Combine(version, "ref", tfm), "*.dll");
        }
    }
}
