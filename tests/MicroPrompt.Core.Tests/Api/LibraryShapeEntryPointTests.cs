using MicroPrompt.Api;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Api;

public sealed class LibraryShapeEntryPointTests
{
    private const string SlugContract = """
        public static class Slug
        {
            public static string Make(string text);
        }
        """;

    private static IReadOnlyList<CompileError> Check(string code, string? contract = SlugContract) =>
        LibraryShapeChecker.Check(code, contract, PromptKind.Library);

    [Fact]
    public void A_demo_Program_class_after_the_library_class_is_an_entry_point_and_an_undeclared_type()
    {
        var problems = Check("""
            using System;

            namespace Acme.Text;

            public static class Slug
            {
                public static string Make(string text) => text.ToLowerInvariant();
            }

            public class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine(Slug.Make("Hello World"));
                }
            }
            """);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("MP2040", p.Id));
        Assert.All(problems, p => Assert.False(p.IsWarning));
        Assert.Equal(new CompileError("MP2040", "public type 'Program' is not part of the ## Contract: make it internal or remove it", 10, 14), problems[0]);
        Assert.Equal(
            new CompileError("MP2040", "a library item must not contain an entry point: remove the `Main` method of 'Program' (no demo or usage code in the file)", 12, 24),
            problems[1]);
    }

    [Fact]
    public void Without_a_contract_only_the_entry_point_is_a_problem()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;
                public static string Helper(string text) => text;
            }

            internal static class Demo
            {
                static async System.Threading.Tasks.Task<int> Main() { await System.Threading.Tasks.Task.Yield(); return 0; }
            }

            public sealed class Extra { }
            """, contract: null);

        var problem = Assert.Single(problems);
        Assert.Equal("a library item must not contain an entry point: remove the `Main` method of 'Demo' (no demo or usage code in the file)", problem.Message);
        Assert.Equal((9, 51), (problem.Line, problem.Column));
        Assert.Empty(Check("public static class Slug { public static string Make(string t) => t; }", contract: "   "));
    }

    [Fact]
    public void A_static_Main_inside_the_library_class_itself_is_reported_once()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;

                public static void Main() => System.Console.WriteLine(Make("x"));
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Contains("remove the `Main` method of 'Slug'", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void A_Main_in_a_nested_type_names_the_nested_type_and_an_instance_Main_is_no_entry_point()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;

                private static class Demo { private static int Main(string[] a) => 0; }
            }

            internal sealed class Runner { public void Main() { } }
            """);

        var problem = Assert.Single(problems);
        Assert.Contains("the `Main` method of 'Slug.Demo'", problem.Message);
    }

    [Fact]
    public void Top_level_statements_before_the_namespace_are_one_problem_at_the_first_statement()
    {
        var problems = Check("""
            using System;

            Console.WriteLine(Acme.Slug.Make("Hello"));
            Console.WriteLine("done");

            namespace Acme
            {
                public static class Slug
                {
                    public static string Make(string text) => text;
                }
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("a library item must not contain an entry point: remove the top-level statements (no demo or usage code in the file)", problem.Message);
        Assert.Equal((3, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_program_item_has_no_shape_problems()
    {
        const string Code = """
            public class Program
            {
                public static void Main() { }
                public static int Helper() => 1;
            }
            """;

        Assert.Empty(LibraryShapeChecker.Check(Code, SlugContract, PromptKind.Program));
        Assert.Empty(LibraryShapeChecker.Check("System.Console.WriteLine(1);", null, PromptKind.Program));
    }

    [Fact]
    public void Positions_are_1_based_in_the_code_with_CRLF_line_ends()
    {
        var code = "namespace Acme;\r\n\r\npublic static class Slug\r\n{\r\n    public static string Make(string text) => text;\r\n    public static string Helper() => \"\";\r\n}\r\n\r\nclass Demo { static void Main() { } }\r\n";
        var problems = Check(code);

        Assert.Equal(["(6,26): error MP2040: public method 'Slug.Helper()' is not part of the ## Contract: make it private or remove it",
                      "(9,26): error MP2040: a library item must not contain an entry point: remove the `Main` method of 'Demo' (no demo or usage code in the file)"],
            problems.Select(p => p.ToString()));
    }
}
