using System.Reflection;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Verification;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;

namespace MicroPrompt.Core.Tests.Bench;

/// <summary>
/// The harness's framework choice, shown with samples/Bench's Kestrel mock services: on Microsoft.NETCore.App alone they
/// cannot load. (Grader validity of every bench task, on the ASP.NET Core framework, is tests/MicroPrompt.Bench.Tests.)
/// </summary>
public sealed class AspNetCoreHarnessTests
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string SolutionsDirectory = Path.Combine(RepoRoot, "tests", "MicroPrompt.Bench.Tests", "Solutions", "Api");
    private static readonly string TasksDirectory = Path.Combine(RepoRoot, "samples", "Bench", "Api");

    [Fact]
    public async Task The_mock_services_load_on_the_AspNetCore_framework_and_not_without_it()
    {
        var code = File.ReadAllText(Path.Combine(SolutionsDirectory, "BearerAccountName.reference.cs"));
        using (var withFramework = new ExampleRunner(Harness.Options(aspNetCore: true)))
        {
            var report = await RunAsync(withFramework, "BearerAccountName", code);
            Assert.True(report.Total >= 2);
            Assert.Equal(report.Total, report.Passed);
        }

        using var runner = new ExampleRunner(Harness.Options(aspNetCore: false));
        var without = await RunAsync(runner, "BearerAccountName", code);

        Assert.Equal(0, without.Passed);
        Assert.Contains("Microsoft.AspNetCore", without.Results[0].Message);
    }

    private static async Task<ExampleRunReport> RunAsync(ExampleRunner runner, string task, string code)
    {
        var promptFile = Path.Combine(TasksDirectory, task + ".mprompt");
        var document = PromptParser.ParseFile(promptFile).Document!;
        var report = await runner.RunAsync(new ExampleRunRequest
        {
            ItemPath = "Api/" + task + ".mprompt",
            PromptFile = promptFile,
            Code = code,
            Namespace = "Bench.Api",
            Project = Harness.Project,
            Examples = document.Examples,
        }, CancellationToken.None);
        return report;
    }

    private static string Metadata(string key) => typeof(AspNetCoreHarnessTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    private static class Harness
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

        public static ExampleRunnerOptions Options(bool aspNetCore) => new()
        {
            HostAssemblyPath = ExampleHostPaths.Host,
            Timeout = TimeSpan.FromSeconds(20),
            AspNetCore = aspNetCore,
            RuntimeReferencePaths = [SupportAssembly],
        };

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
