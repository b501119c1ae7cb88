using System.Text.RegularExpressions;
using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;

namespace MicroPrompt.Bench.Tests;

/// <summary>The benchmark's shape: every task parses, is tagged, has runnable examples, and has its solutions.</summary>
public sealed class ConventionTests
{
    private static readonly Dictionary<string, string> FamilyOfFolder = new(StringComparer.Ordinal)
    {
        ["FileData"] = "file-data",
        ["BugFix"] = "bug-fix",
        ["Api"] = "api",
    };

    public static TheoryData<string> Tasks() => [.. BenchLayout.Tasks.Select(t => t.Id)];

    public static TheoryData<string> Solutions() => [.. BenchLayout.Solutions.Select(s => s.Id)];

    [Fact]
    public void The_bench_has_tasks_in_its_folders()
    {
        Assert.True(BenchLayout.Tasks.Count(t => t.Folder == "FileData") >= 16, "FileData tasks");
        Assert.True(BenchLayout.Tasks.Count(t => t.Folder == "BugFix") >= 10, "BugFix tasks");
        Assert.All(BenchLayout.Tasks, t => Assert.Contains(t.Folder, FamilyOfFolder.Keys));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Task_parses_with_tags_and_at_least_two_runnable_examples(string task)
    {
        var bench = BenchLayout.Task(task);
        var errors = bench.Parsed.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.True(bench.Parsed.Success, string.Join("\n", errors));
        Assert.Empty(errors); // warnings too (e.g. C# blocks in a program item are not run)
        var document = bench.Document;

        Assert.Contains(FamilyOfFolder[bench.Folder], document.Tags);
        Assert.Single(document.Tags, t => FamilyOfFolder.ContainsValue(t));
        if (document.Kind == PromptKind.Library)
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Contract), $"{task}: a library task needs a ## Contract");
        }

        var runnable = document.Examples.Count(e => ExampleRunner.IsRunnable(e, document.Kind));
        Assert.True(runnable >= 2, $"{task}: {runnable} runnable example(s); at least two are needed so a constant answer fails");
        Assert.Equal(document.Examples.Count, runnable);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Task_has_one_reference_and_the_wrong_solutions_its_tags_require(string task)
    {
        var bench = BenchLayout.Task(task);
        var solutions = BenchLayout.Solutions.Where(s => s.TaskId == task).ToList();
        Assert.Single(solutions, s => s.IsReference);
        var slugs = solutions.Where(s => s.IsWrong).Select(s => s.Slug).ToList();
        foreach (var required in RequiredSlugs.For(bench.Tags))
        {
            Assert.True(slugs.Contains(required), $"{task} lacks Solutions/{task}.{required}.cs (has: {string.Join(", ", slugs)})");
        }

        if (RequiredSlugs.NeedsCredentialsSlug(bench.Tags))
        {
            Assert.True(slugs.Any(s => s != RequiredSlugs.Hardcoded), $"{task} (api) needs a credentials wrong solution besides {RequiredSlugs.Hardcoded}");
        }
    }

    [Theory]
    [MemberData(nameof(Solutions))]
    public void Solution_file_belongs_to_a_task_and_says_what_is_wrong(string solution)
    {
        var file = BenchLayout.Solution(solution);
        Assert.True(BenchLayout.Tasks.Any(t => t.Id == file.TaskId), $"{file.Path}: no samples/Bench/{file.TaskId}.mprompt");
        Assert.True(file.IsReference || file.IsWrong, $"{file.Path}: the slug must be 'reference' or 'wrong-<what>'");
        var firstLine = file.Code.Split('\n')[0];
        if (file.IsWrong)
        {
            Assert.Matches(@"^// WRONG: \S", firstLine);
        }
        else
        {
            Assert.DoesNotContain("WRONG", firstLine, StringComparison.Ordinal);
        }

        var task = BenchLayout.Task(file.TaskId);
        Assert.Matches($@"(?m)^namespace {Regex.Escape(task.Namespace)};", file.Code);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Bug_fix_wrong_original_is_the_defective_code_shown_in_the_prompt(string task)
    {
        var bench = BenchLayout.Task(task);
        if (!bench.Tags.Contains("bug-fix"))
        {
            return;
        }

        var original = BenchLayout.Solution($"{task}.{RequiredSlugs.Original}").Code;
        var code = Normalize(string.Join('\n', original.Split('\n').Skip(1)));
        var blocks = Regex.Matches(bench.Document.Instructions, "```(?:csharp|cs)\n(.*?)```", RegexOptions.Singleline)
            .Select(m => Normalize(m.Groups[1].Value));
        Assert.Contains(code, blocks);
    }

    [Fact]
    public void All_reference_solutions_compile_together_as_one_project()
    {
        // In a real build every item is compiled into the same assembly: no two tasks may declare the same type.
        var references = BenchLayout.Solutions.Where(s => s.IsReference).ToList();
        var checker = new RoslynCompileChecker();
        var project = BenchProject.Context(Path.GetTempPath());
        var first = references[0];
        var result = checker.Check(new CompileCheckRequest
        {
            Code = first.Code,
            FileName = "first.g.cs",
            Project = project,
            CompanionSources = [.. references.Skip(1).Select(r => r.Code)],
        });
        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.ToString())));
    }

    private static string Normalize(string code) => string.Join('\n', code.Replace("\r\n", "\n").Split('\n')
        .Select(l => l.TrimEnd())
        .SkipWhile(l => l.Length == 0)
        .Reverse().SkipWhile(l => l.Length == 0).Reverse());
}
